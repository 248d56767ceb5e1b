#include "ui/playground/pricetabledialog.h"

#include "core/providers/pricetable.h"
#include "core/storage/workspaceworker.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

PriceTableDialog::PriceTableDialog(WorkspaceWorker &worker, QWidget *parent) : QDialog(parent), m_worker(worker)
{
    setWindowTitle(tr("Model prices"));
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Model id or prefix"), tr("Name"), tr("Input $ / 1M tokens"), tr("Output $ / 1M tokens")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    auto *note = new QLabel(tr("A model matches its exact id, else the longest prefix. Regional prefixes such as "
                               "\"us.\" are ignored."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *add = buttons->addButton(tr("Add row"), QDialogButtonBox::ActionRole);
    QPushButton *remove = buttons->addButton(tr("Remove row"), QDialogButtonBox::ActionRole);
    connect(add, &QPushButton::clicked, this, [this]() { addRow({}, {}, 0.0, 0.0); });
    connect(remove, &QPushButton::clicked, this, [this]() { m_table->removeRow(m_table->currentRow()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &PriceTableDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(760, 380);
    load();
}

void PriceTableDialog::load()
{
    m_worker.run<QList<ModelPrice>>([](Workspace &workspace) { return PriceTable(workspace).list(); }, this,
                                    [this](Result<QList<ModelPrice>> prices) {
                                        if (!prices)
                                            return;
                                        for (const ModelPrice &price : prices.value()) {
                                            m_loadedPatterns << price.modelPattern;
                                            addRow(price.modelPattern, price.displayName, price.inputPerMillion,
                                                   price.outputPerMillion);
                                        }
                                    });
}

void PriceTableDialog::addRow(const QString &pattern, const QString &name, double input, double output)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(pattern));
    m_table->setItem(row, 1, new QTableWidgetItem(name));
    for (int column : {2, 3}) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::EditRole, column == 2 ? input : output);
        m_table->setItem(row, column, item);
    }
}

void PriceTableDialog::accept()
{
    QList<ModelPrice> prices;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        ModelPrice price;
        price.modelPattern = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (price.modelPattern.isEmpty())
            continue;
        price.displayName = m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed() : QString();
        price.inputPerMillion = m_table->item(row, 2)->data(Qt::EditRole).toDouble();
        price.outputPerMillion = m_table->item(row, 3)->data(Qt::EditRole).toDouble();
        if (price.inputPerMillion < 0 || price.outputPerMillion < 0) {
            QMessageBox::warning(this, windowTitle(), tr("Row %1: prices cannot be negative.").arg(row + 1));
            return;
        }
        prices << price;
    }
    const QStringList removed = m_loadedPatterns;
    m_worker.run<Done>(
        [prices, removed](Workspace &workspace) { return PriceTable(workspace).replace(removed, prices); }, this,
        [this](Status saved) {
            if (!saved) {
                QMessageBox::warning(this, windowTitle(), saved.error().describe());
                return;
            }
            QDialog::accept();
        });
}
