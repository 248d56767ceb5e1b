#pragma once

#include <QMap>
#include <QTableWidget>

// The values of a template's {{variables}}: one row per variable found in the template, in order.
// Values typed for a variable survive while the template is edited.
class VariablesEditor : public QTableWidget
{
    Q_OBJECT

public:
    explicit VariablesEditor(QWidget *parent = nullptr);

    void setVariableNames(const QStringList &names);
    // The filled-in values; variables left empty are absent.
    QMap<QString, QString> values() const;
    void setValues(const QMap<QString, QString> &values);

private:
    QMap<QString, QString> m_remembered;
};
