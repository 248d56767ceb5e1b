#include "ui/playground/variableseditor.h"

#include <QHeaderView>

VariablesEditor::VariablesEditor(QWidget *parent) : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == 1 && this->item(item->row(), 0))
            m_remembered.insert(this->item(item->row(), 0)->text(), item->text());
    });
}

void VariablesEditor::setVariableNames(const QStringList &names)
{
    const QSignalBlocker blocker(this);
    setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        auto *name = new QTableWidgetItem(names[row]);
        name->setFlags(Qt::ItemIsEnabled);
        setItem(row, 0, name);
        setItem(row, 1, new QTableWidgetItem(m_remembered.value(names[row])));
    }
}

QMap<QString, QString> VariablesEditor::values() const
{
    // An empty cell counts as not filled in, so rendering names it instead of sending a gap.
    QMap<QString, QString> values;
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, 1) && !item(row, 1)->text().isEmpty())
            values.insert(item(row, 0)->text(), item(row, 1)->text());
    }
    return values;
}

void VariablesEditor::setValues(const QMap<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_remembered.insert(it.key(), it.value());
    QStringList names;
    for (int row = 0; row < rowCount(); ++row)
        names << item(row, 0)->text();
    setVariableNames(names);
}
