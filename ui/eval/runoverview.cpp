#include "ui/eval/runoverview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

RunOverview::RunOverview(QWidget *charts, QWidget *agreement, QWidget *panel) : QWidget(panel)
{
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("chartsToggle"));
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_toggle, &QToolButton::clicked, this, [this]() { setFolded(!isFolded()); });
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(charts, tr("Charts"));
    m_tabs->addTab(agreement, tr("Judge agreement"));
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_toggle, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(headingRow);
    layout->addWidget(m_tabs, 1);
    fold(false);
    panel->installEventFilter(this);
}

void RunOverview::setHeading(const QString &html)
{
    m_heading->setText(html);
    fitFolded();
}

QString RunOverview::heading() const
{
    return m_heading->text();
}

bool RunOverview::isFolded() const
{
    return m_tabs->isHidden();
}

void RunOverview::setFolded(bool folded)
{
    m_chosen = true;
    fold(folded);
}

void RunOverview::fold(bool folded)
{
    m_tabs->setVisible(!folded);
    m_toggle->setText(folded ? tr("Show charts") : tr("Hide charts"));
    m_toggle->setToolTip(tr("%1 (%2)").arg(m_toggle->text(), m_toggle->shortcut().toString(QKeySequence::NativeText)));
    fitFolded();
}

void RunOverview::fitFolded()
{
    // Folded, the overview is its heading (wrapped to the width it has) and the splitter gives
    // the rest to the items.
    if (!isFolded())
        return setMaximumHeight(QWIDGETSIZE_MAX);
    const int headingWidth = std::max(100, width() - m_toggle->sizeHint().width() - 8);
    setMaximumHeight(std::max(m_heading->heightForWidth(headingWidth), m_toggle->sizeHint().height()) + 2);
}

void RunOverview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitFolded();
}

bool RunOverview::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && !m_chosen) {
        const bool shortWindow = static_cast<QWidget *>(watched)->height() < foldBelowHeight;
        if (shortWindow != isFolded())
            fold(shortWindow);
    }
    return QWidget::eventFilter(watched, event);
}
