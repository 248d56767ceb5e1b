#pragma once

#include "core/registry/registrytypes.h"

#include <QDialog>

class QComboBox;
class QTableWidget;

// Two versions of a group side by side: every metric either has, and the change between them.
class CompareVersionsDialog : public QDialog
{
    Q_OBJECT

public:
    CompareVersionsDialog(QList<ModelVersion> versions, int first, int second, QWidget *parent = nullptr);

private:
    void refresh();
    const ModelVersion *chosen(const QComboBox *box) const;

    QList<ModelVersion> m_versions;
    QComboBox *m_left;
    QComboBox *m_right;
    QTableWidget *m_table;
};
