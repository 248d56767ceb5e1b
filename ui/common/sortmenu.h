#pragma once

#include <QObject>

class QAbstractItemView;
class QMenu;
class QTableView;

// Sorting from the keyboard: with the table focused, Ctrl+Shift+S opens a menu of its columns at
// the current cell; choosing one sorts by it (choosing the sorted column again reverses it). The
// header stays the mouse's way to do the same.
class SortMenu : public QObject
{
    Q_OBJECT

public:
    // Adds the shortcut to `table`, which must have sorting enabled; the menu is the table's child.
    static SortMenu *install(QTableView *table);

    QMenu *open();

private:
    explicit SortMenu(QTableView *table);

    QTableView *m_table;
};
