#include "ui/connections/profiledialog.h"

#include "core/secrets/secretinput.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ProfileDialog::ProfileDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Add connection"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("for example bedrock-dev or local-ollama"));
    m_kind = new QComboBox(this);
    for (CredentialProfile::Kind kind : CredentialProfile::allKinds())
        m_kind->addItem(CredentialProfile::kindLabel(kind), int(kind));

    auto *header = new QFormLayout;
    header->addRow(tr("&Name:"), m_name);
    header->addRow(tr("&Kind:"), m_kind);
    m_fields = new QFormLayout;

    auto *note = new QLabel(tr("Secret fields are stored only in the OS keyring, never in the workspace."), this);
    note->setWordWrap(true);
    note->setEnabled(false);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(m_fields);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::rebuildFields);
    rebuildFields();
    resize(480, sizeHint().height());
}

CredentialProfile::Kind ProfileDialog::selectedKind() const
{
    return CredentialProfile::Kind(m_kind->currentData().toInt());
}

void ProfileDialog::rebuildFields()
{
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_editors.clear();
    const CredentialProfile::Kind kind = selectedKind();
    for (const QString &field : CredentialProfile::settingFields(kind)) {
        auto *editor = new QLineEdit(m_settings.value(field).toString(), this);
        if (field == QLatin1String("region"))
            editor->setPlaceholderText(QStringLiteral("us-east-1"));
        if (field == QLatin1String("base_url"))
            editor->setPlaceholderText(QStringLiteral("http://localhost:11434/v1"));
        if (field == CredentialProfile::VerifyTlsField)
            editor->setPlaceholderText(tr("yes"));
        m_fields->addRow(CredentialProfile::fieldLabel(field) + QLatin1Char(':'), editor);
        m_editors.insert(field, editor);
    }
    for (const QString &field : CredentialProfile::secretFields(kind)) {
        auto *editor = new QLineEdit(this);
        editor->setEchoMode(QLineEdit::Password);
        if (m_editing)
            editor->setPlaceholderText(tr("unchanged (stored in the keyring)"));
        m_fields->addRow(CredentialProfile::fieldLabel(field) + QLatin1Char(':'), editor);
        m_editors.insert(field, editor);
    }
}

void ProfileDialog::setProfile(const CredentialProfile &profile)
{
    m_editing = true;
    setWindowTitle(tr("Edit connection %1").arg(profile.name));
    m_name->setText(profile.name);
    m_name->setReadOnly(true);
    m_settings = profile.settings;
    m_kind->setCurrentIndex(m_kind->findData(int(profile.kind)));
    m_kind->setEnabled(false);
    rebuildFields();
}

CredentialProfile ProfileDialog::profile() const
{
    CredentialProfile profile;
    profile.name = m_name->text().trimmed();
    profile.kind = selectedKind();
    for (const QString &field : CredentialProfile::settingFields(profile.kind)) {
        const QString value = m_editors.value(field)->text().trimmed();
        if (!value.isEmpty())
            profile.settings.insert(field, value);
    }
    return profile;
}

SecretMap ProfileDialog::enteredSecrets() const
{
    SecretMap secrets;
    for (const QString &field : CredentialProfile::secretFields(selectedKind())) {
        const QString value = m_editors.value(field)->text().trimmed();
        if (!value.isEmpty())
            secrets.insert(field, value);
    }
    return secrets;
}

void ProfileDialog::accept()
{
    QString problem;
    if (!CredentialProfile::isValidName(m_name->text().trimmed()))
        problem = tr("A name needs 1 to 64 letters, digits, '.', '_' or '-'.");
    else if (!m_editing) {
        const Status complete = SecretInput::checkComplete(enteredSecrets(), selectedKind(), tr("this form"));
        if (!complete)
            problem = complete.error().message;
    }
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}
