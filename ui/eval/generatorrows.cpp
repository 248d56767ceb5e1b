#include "ui/eval/generatorrows.h"

#include "core/eval/runsetup.h"
#include "ui/common/profilemarks.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>

GeneratorRows::GeneratorRows(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QStringList placeholders{tr("model id, e.g. gpt-4o-mini"), tr("optional: a second model to compare"),
                                   tr("optional: a third model")};
    for (int index = 0; index < RunSetup::maximumModels; ++index) {
        Row row{new QComboBox(this), new QLineEdit(this)};
        // Profile names are read whole: the box is as wide as the longest.
        row.profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        row.profile->setAccessibleName(tr("Connection of model %1").arg(index + 1));
        row.model->setPlaceholderText(placeholders[index]);
        row.model->setAccessibleName(tr("Model %1").arg(index + 1));
        row.model->setObjectName(QStringLiteral("generatorModel%1").arg(index + 1));
        row.profile->setObjectName(QStringLiteral("generatorProfile%1").arg(index + 1));
        layout->addWidget(row.profile, index, 0);
        layout->addWidget(row.model, index, 1);
        connect(row.model, &QLineEdit::textEdited, this, &GeneratorRows::edited);
        connect(row.profile, &QComboBox::activated, this, &GeneratorRows::edited);
        m_rows << row;
    }
    layout->setColumnStretch(1, 1);
}

void GeneratorRows::setProfiles(const QStringList &names, const QSet<QString> &unverified)
{
    for (const Row &row : std::as_const(m_rows)) {
        const QString chosen = row.profile->currentText();
        row.profile->clear();
        row.profile->addItems(names);
        if (names.contains(chosen))
            row.profile->setCurrentText(chosen);
        ProfileMarks::apply(row.profile, unverified);
    }
}

void GeneratorRows::setModels(const QList<ProviderSelection> &models)
{
    for (int index = 0; index < m_rows.size(); ++index) {
        const Row &row = m_rows[index];
        const ProviderSelection model = models.value(index);
        row.model->setText(model.model);
        // A model without a remembered connection keeps the first row's: most compare models of one.
        const QString profile = model.profile.isEmpty() ? models.value(0).profile : model.profile;
        if (row.profile->findText(profile) >= 0)
            row.profile->setCurrentText(profile);
    }
}

QList<ProviderSelection> GeneratorRows::models() const
{
    QList<ProviderSelection> models;
    for (const Row &row : m_rows) {
        if (row.model->text().trimmed().isEmpty())
            continue;
        ProviderSelection selection;
        selection.profile = row.profile->currentText();
        selection.model = row.model->text().trimmed();
        models << selection;
    }
    return models;
}

bool GeneratorRows::lacksProfile() const
{
    for (const ProviderSelection &model : models()) {
        if (model.profile.isEmpty())
            return true;
    }
    return false;
}

void GeneratorRows::clearModels(const QString &previousModel)
{
    for (const Row &row : std::as_const(m_rows))
        row.model->clear();
    if (!previousModel.isEmpty())
        m_rows.first().model->setPlaceholderText(tr("another model than %1").arg(previousModel));
    m_rows.first().model->setFocus();
}
