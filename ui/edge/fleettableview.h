#pragma once

#include <QTableView>

class FleetTableModel;

// The fleet's devices, those that need attention first (offline, then those with alerts; healthy
// ones by name), sortable by any column. Columns are sized when devices arrive, not on every
// update: measuring every cell ten times a second costs the UI thread more than the update does.
class FleetTableView : public QTableView
{
    Q_OBJECT

public:
    FleetTableView(FleetTableModel *model, QWidget *parent = nullptr);

private:
    void resizeSoon();

    bool m_resizePending = false;
};
