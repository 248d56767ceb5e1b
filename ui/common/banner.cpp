#include "ui/common/banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

Banner::Banner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("banner"));
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action = new QPushButton(this);
    m_close = new QPushButton(tr("Dismiss"), this);
    m_close->setFlat(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    connect(m_action, &QPushButton::clicked, this, &Banner::actionTriggered);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void Banner::showMessage(Tone tone, const QString &text, const QString &actionText)
{
    // Muted tints that read on both the light and the dark palette.
    const char *colours = tone == Tone::Error
        ? "background: rgba(220, 53, 69, 60); border: 1px solid rgba(220, 53, 69, 160);"
        : tone == Tone::Warning ? "background: rgba(255, 193, 7, 50); border: 1px solid rgba(255, 193, 7, 150);"
                                : "background: rgba(61, 139, 253, 40); border: 1px solid rgba(61, 139, 253, 130);";
    setStyleSheet(QStringLiteral("QFrame#banner { %1 border-radius: 4px; }").arg(QLatin1String(colours)));
    m_label->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
}

QString Banner::text() const
{
    return m_label->text();
}
