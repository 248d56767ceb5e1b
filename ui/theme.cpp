#include "ui/theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

Theme::Mode Theme::fromName(const QString &name)
{
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    if (name == QLatin1String("light"))
        return Mode::Light;
    return Mode::System;
}

QString Theme::name(Mode mode)
{
    switch (mode) {
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::System:
        return QStringLiteral("system");
    }
    return {};
}

void Theme::apply(QApplication &application, Mode mode)
{
    if (mode == Mode::System)
        return;
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (mode == Mode::Light) {
        application.setPalette(application.style()->standardPalette());
        return;
    }
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor accent(0x3d, 0x8b, 0xfd);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Link, accent.lighter(120));
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x44));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x77, 0x79, 0x7e));
    application.setPalette(palette);
}

QColor Theme::color(Role role, bool dark)
{
    // Light values read on a white table, dark ones on the dark palette's #1e1f22 base.
    switch (role) {
    case Role::Good:
        return dark ? QColor(0x4c, 0xc3, 0x8a) : QColor(0x1f, 0x88, 0x4a);
    case Role::Bad:
        return dark ? QColor(0xff, 0x7b, 0x86) : QColor(0xc4, 0x2b, 0x3d);
    case Role::Warning:
        return dark ? QColor(0xf0, 0xb0, 0x4a) : QColor(0xa8, 0x62, 0x00);
    case Role::Muted:
        return dark ? QColor(0x9a, 0x9d, 0xa3) : QColor(0x6b, 0x6e, 0x74);
    case Role::Ink:
        return dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x28, 0x28, 0x28);
    case Role::Primary:
        return dark ? QColor(0x5c, 0x9d, 0xf0) : QColor(0x2f, 0x7e, 0xd8);
    case Role::Secondary:
        return dark ? QColor(0x8c, 0xb4, 0xf5) : QColor(0x5b, 0x8d, 0xef);
    case Role::Tertiary:
        return dark ? QColor(0xf0, 0xb8, 0x50) : QColor(0xc8, 0x86, 0x10);
    case Role::Defect:
        return dark ? QColor(0xff, 0x70, 0x50) : QColor(0xd0, 0x40, 0x20);
    }
    return dark ? Qt::white : Qt::black;
}

bool Theme::isDark()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor Theme::color(Role role)
{
    return color(role, isDark());
}

QString Theme::textStyle(Role role)
{
    return QStringLiteral("color: %1;").arg(color(role).name());
}

double Theme::contrast(const QColor &first, const QColor &second)
{
    const auto luminance = [](const QColor &colour) {
        const auto channel
            = [](double value) { return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
    };
    const double a = luminance(first);
    const double b = luminance(second);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}
