#pragma once

#include "core/secrets/credentialprofile.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

// Adds or edits a connection profile. Secret fields are password fields; when editing, a blank
// secret keeps the value stored in the keyring, so nobody has to re-enter a key to change a region.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(QWidget *parent = nullptr);

    void setProfile(const CredentialProfile &profile); // edit mode: name and kind are fixed
    CredentialProfile profile() const;
    SecretMap enteredSecrets() const; // only the fields the user filled in
    bool isEditing() const { return m_editing; }

    void accept() override;

private:
    void rebuildFields();
    CredentialProfile::Kind selectedKind() const;

    QLineEdit *m_name;
    QComboBox *m_kind;
    QFormLayout *m_fields;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QMap<QString, QLineEdit *> m_editors;
    QJsonObject m_settings;
    bool m_editing = false;
};
