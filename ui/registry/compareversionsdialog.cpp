#include "ui/registry/compareversionsdialog.h"

#include "ui/common/displaynames.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

CompareVersionsDialog::CompareVersionsDialog(QList<ModelVersion> versions, int first, int second, QWidget *parent)
    : QDialog(parent), m_versions(std::move(versions))
{
    setWindowTitle(tr("Compare versions of %1").arg(m_versions.value(0).group));
    m_left = new QComboBox(this);
    m_right = new QComboBox(this);
    for (const ModelVersion &version : std::as_const(m_versions)) {
        const QString label
            = tr("v%1 — %2%3")
                  .arg(version.version)
                  .arg(DisplayNames::approval(version.status),
                       version.stage == Stage::None ? QString()
                                                    : QStringLiteral(", ") + DisplayNames::stage(version.stage));
        m_left->addItem(label, version.version);
        m_right->addItem(label, version.version);
    }
    m_left->setCurrentIndex(qMax(0, m_left->findData(first)));
    m_right->setCurrentIndex(qMax(0, m_right->findData(second)));
    m_table = new QTableWidget(0, 4, this);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setHorizontalHeaderLabels({tr("Metric"), tr("Left"), tr("Right"), tr("Change")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *choices = new QHBoxLayout;
    choices->addWidget(m_left, 1);
    choices->addWidget(new QLabel(QStringLiteral("↔"), this));
    choices->addWidget(m_right, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    connect(m_left, &QComboBox::currentIndexChanged, this, &CompareVersionsDialog::refresh);
    connect(m_right, &QComboBox::currentIndexChanged, this, &CompareVersionsDialog::refresh);
    resize(620, 420);
    refresh();
}

const ModelVersion *CompareVersionsDialog::chosen(const QComboBox *box) const
{
    for (const ModelVersion &version : m_versions)
        if (version.version == box->currentData().toInt())
            return &version;
    return nullptr;
}

void CompareVersionsDialog::refresh()
{
    const ModelVersion *left = chosen(m_left);
    const ModelVersion *right = chosen(m_right);
    if (!left || !right)
        return;
    QStringList names = left->metrics.keys();
    for (const QString &name : right->metrics.keys())
        if (!names.contains(name))
            names << name;
    std::sort(names.begin(), names.end());
    m_table->setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        const QString &name = names[row];
        const bool inLeft = left->metrics.contains(name);
        const bool inRight = right->metrics.contains(name);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1,
                         new QTableWidgetItem(inLeft ? QString::number(left->metrics.value(name), 'g', 4) : tr("—")));
        m_table->setItem(row, 2,
                         new QTableWidgetItem(inRight ? QString::number(right->metrics.value(name), 'g', 4) : tr("—")));
        auto *change = new QTableWidgetItem;
        if (inLeft && inRight) {
            const double delta = right->metrics.value(name) - left->metrics.value(name);
            change->setText(
                QStringLiteral("%1%2").arg(delta > 0 ? QStringLiteral("+") : QString()).arg(delta, 0, 'g', 4));
            if (delta != 0.0)
                change->setForeground(delta > 0 ? Theme::color(Theme::Role::Good) : Theme::color(Theme::Role::Bad));
        }
        m_table->setItem(row, 3, change);
    }
}
