#include "ui/edge/eventlogpane.h"

#include "ui/edge/eventfilterproxy.h"
#include "ui/edge/eventlogmodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

EventLogPane::EventLogPane(QWidget *parent) : QWidget(parent)
{
    m_model = new EventLogModel(this);
    m_proxy = new EventFilterProxy(this);
    m_table = new QTableView(this);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setModel(m_model); // the proxy only while a filter is set: see applyFilters()
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps 50,000 of them cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(20);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_device = new QComboBox(this);
    m_device->addItem(tr("All devices"), QString());
    m_prediction = new QComboBox(this);
    m_prediction->addItem(tr("All predictions"), QString());
    m_confidence = new QDoubleSpinBox(this);
    m_confidence->setRange(0, 1.01);
    m_confidence->setDecimals(2);
    m_confidence->setSingleStep(0.05);
    m_confidence->setValue(1.01);
    m_confidence->setSpecialValueText(QString());
    m_confidence->setPrefix(tr("confidence < "));
    m_confidence->setToolTip(tr("Show only inspections below this confidence (1.01 shows all)"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Hold new rows aside while you read (Ctrl+P)"));
    m_status = new QLabel(this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_device);
    filters->addWidget(m_prediction);
    filters->addWidget(m_confidence);
    filters->addWidget(m_pause);
    filters->addStretch(1);
    filters->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_device, &QComboBox::currentIndexChanged, this, &EventLogPane::applyFilters);
    connect(m_prediction, &QComboBox::currentIndexChanged, this, &EventLogPane::applyFilters);
    connect(m_confidence, &QDoubleSpinBox::valueChanged, this, &EventLogPane::applyFilters);
    connect(m_pause, &QPushButton::toggled, this, &EventLogPane::setPaused);
    // Follow the newest row while the view is at the bottom; scrolling up stops following.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= m_table->verticalScrollBar()->maximum() - 2; });
    setClasses({QStringLiteral("good"), QStringLiteral("defective")});
}

void EventLogPane::setFilters(const QString &device, const QString &prediction, double confidenceBelow)
{
    addDevices(device.isEmpty() ? QStringList() : QStringList{device});
    m_device->setCurrentIndex(m_device->findData(device));
    m_prediction->setCurrentIndex(std::max(0, m_prediction->findData(prediction)));
    m_confidence->setValue(confidenceBelow);
    applyFilters();
}

void EventLogPane::applyFilters()
{
    // Unfiltered, the view shows the model itself: a proxy over 50,000 rows remaps them all each
    // time the oldest leave, ten times a second.
    const bool filtered = !m_device->currentData().toString().isEmpty()
        || !m_prediction->currentData().toString().isEmpty() || m_confidence->value() <= 1;
    m_proxy->setDevice(m_device->currentData().toString());
    m_proxy->setPrediction(m_prediction->currentData().toString());
    m_proxy->setConfidenceBelow(m_confidence->value());
    if (filtered && m_proxy->sourceModel() != m_model)
        m_proxy->setSourceModel(m_model);
    else if (!filtered)
        m_proxy->setSourceModel(nullptr); // detached, it does no work at all
    QAbstractItemModel *shown = filtered ? static_cast<QAbstractItemModel *>(m_proxy) : m_model;
    if (m_table->model() != shown)
        m_table->setModel(shown);
    updateStatus();
}

void EventLogPane::append(const QList<EventRecord> &events, const EventNames &names, qint64 leftOut)
{
    m_leftOut += leftOut;
    m_model->append(events, names);
    if (m_follow && !m_model->isPaused() && !events.isEmpty())
        m_table->scrollToBottom();
    updateStatus();
}

void EventLogPane::addDevices(const QStringList &devices)
{
    for (const QString &device : devices) {
        if (m_device->findData(device) < 0)
            m_device->addItem(device, device);
    }
}

void EventLogPane::setClasses(const QStringList &classes)
{
    const QString current = m_prediction->currentData().toString();
    const QSignalBlocker quiet(m_prediction);
    while (m_prediction->count() > 1)
        m_prediction->removeItem(1);
    for (const QString &name : classes)
        m_prediction->addItem(name, name); // as the devices publish them, untranslated
    m_prediction->setCurrentIndex(std::max(0, m_prediction->findData(current)));
    applyFilters();
}

void EventLogPane::setPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_model->setPaused(paused);
    updateStatus();
}

void EventLogPane::clear()
{
    m_model->clear();
    m_leftOut = 0;
    updateStatus();
}

void EventLogPane::updateStatus()
{
    QString text = tr("%1 shown of %2").arg(m_table->model()->rowCount()).arg(m_model->rowCount());
    if (m_model->isPaused())
        text += QStringLiteral(" · ") + tr("%1 held while paused").arg(m_model->heldWhilePaused());
    if (m_leftOut > 0)
        text += QStringLiteral(" · ") + tr("%1 not listed (over 40,000/s), still counted").arg(m_leftOut);
    m_status->setText(text);
}
