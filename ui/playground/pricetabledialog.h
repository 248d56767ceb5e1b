#pragma once

#include <QDialog>
#include <QStringList>

class QTableWidget;
class WorkspaceWorker;

// The editable price table (USD per million input and output tokens) that cost estimates use.
class PriceTableDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PriceTableDialog(WorkspaceWorker &worker, QWidget *parent = nullptr);

    void accept() override;

private:
    void load();
    void addRow(const QString &pattern, const QString &name, double input, double output);

    WorkspaceWorker &m_worker;
    QTableWidget *m_table;
    QStringList m_loadedPatterns;
};
