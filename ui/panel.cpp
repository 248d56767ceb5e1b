#include "ui/panel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

QString PanelNames::id(Panel panel)
{
    switch (panel) {
    case Panel::Playground:
        return QStringLiteral("playground");
    case Panel::Evaluations:
        return QStringLiteral("evaluations");
    case Panel::Registry:
        return QStringLiteral("registry");
    case Panel::Edge:
        return QStringLiteral("edge");
    case Panel::Connections:
        return QStringLiteral("connections");
    }
    return {};
}

std::optional<Panel> PanelNames::fromId(const QString &id)
{
    for (Panel panel : all()) {
        if (PanelNames::id(panel) == id)
            return panel;
    }
    return std::nullopt;
}

QString PanelNames::title(Panel panel)
{
    switch (panel) {
    case Panel::Playground:
        return QCoreApplication::translate("Panel", "Playground");
    case Panel::Evaluations:
        return QCoreApplication::translate("Panel", "Evaluations");
    case Panel::Registry:
        return QCoreApplication::translate("Panel", "Model registry");
    case Panel::Edge:
        return QCoreApplication::translate("Panel", "Edge devices");
    case Panel::Connections:
        return QCoreApplication::translate("Panel", "Connections");
    }
    return {};
}

QString PanelNames::iconPath(Panel panel)
{
    return QStringLiteral(":/icons/") + id(panel) + QStringLiteral(".svg");
}

QIcon PanelNames::icon(Panel panel)
{
    // Made of pixmaps only: an SVG icon's engine renders its own Selected state from the SVG and
    // ignores an added pixmap, which left the blue icon invisible on the blue highlight.
    const QIcon drawing(iconPath(panel));
    QIcon icon;
    for (int side : {22, 44}) {
        const QPixmap normal = drawing.pixmap(side, side);
        icon.addPixmap(normal, QIcon::Normal);
        QPixmap selected = normal;
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(selected.rect(), Qt::white);
        painter.end();
        icon.addPixmap(selected, QIcon::Selected);
    }
    return icon;
}
