#pragma once

#include "core/providers/providerselection.h"

#include <QList>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLineEdit;

// Up to three models that generate a run's responses, each a connection and a model id: the same
// dataset runs once per model, so their runs can be compared. Rows without a model are left out.
class GeneratorRows : public QWidget
{
    Q_OBJECT

public:
    explicit GeneratorRows(QWidget *parent = nullptr);

    void setProfiles(const QStringList &names, const QSet<QString> &unverified = {});
    void setModels(const QList<ProviderSelection> &models);
    // The rows with a model id, in order.
    QList<ProviderSelection> models() const;
    // A row names a model but no connection to reach it with.
    bool lacksProfile() const;
    // Empties every model id and puts the cursor in the first: "the same again with another model".
    void clearModels(const QString &previousModel);

signals:
    void edited();

private:
    struct Row
    {
        QComboBox *profile;
        QLineEdit *model;
    };
    QList<Row> m_rows;
};
