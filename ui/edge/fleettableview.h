#pragma once

#include <QTableView>

class FleetTableModel;

// The fleet's devices, those that need attention first (offline, then those with alerts; healthy
// ones by name), sortable by any column. "Review this device" (a double click, Ctrl+R or the
// context menu) sends a device's doubtful inspections to the review queue. Columns are sized when devices arrive, not
// on every update: measuring every cell ten times a second costs the UI thread more than the update does.
class FleetTableView : public QTableView
{
    Q_OBJECT

public:
    FleetTableView(FleetTableModel *model, QWidget *parent = nullptr);

    // The device of the current row; empty without one.
    QString currentDevice() const;

signals:
    void deviceChosen(const QString &device);
    void reviewRequested(const QString &device);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void resizeSoon();

    bool m_resizePending = false;
};
