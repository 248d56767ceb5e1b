#include "ui/team/teamworkspacedialog.h"

#include "core/storage/postgreslocation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

TeamWorkspaceDialog::TeamWorkspaceDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Open team workspace"));
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(this);
    m_database->setPlaceholderText(tr("genaiops"));
    m_user = new QLineEdit(this);
    m_user->setText(qEnvironmentVariable("USER"));
    m_tls = new QComboBox(this);
    // libpq's sslmode values, strictest last; verify-full checks the server's name against its certificate.
    for (const auto &[mode, label] :
         {std::pair{QStringLiteral("prefer"), tr("Prefer TLS (libpq's default)")},
          {QStringLiteral("require"), tr("Require TLS")},
          {QStringLiteral("verify-ca"), tr("Require TLS, verify the certificate authority")},
          {QStringLiteral("verify-full"), tr("Require TLS, verify the authority and the host name")},
          {QStringLiteral("disable"), tr("No TLS")}})
        m_tls->addItem(label, mode);
    m_authority = new QLineEdit(this);
    m_authority->setPlaceholderText(tr("CA certificate file (optional)"));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: ~/.pgpass or PGPASSWORD"));
    m_remember = new QCheckBox(tr("Remember the password in the keyring"), this);
    m_remember->setChecked(true);
    m_preview = new QLabel(this);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User (database role):"), m_user);
    form->addRow(tr("&TLS:"), m_tls);
    form->addRow(tr("CA &file:"), m_authority);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    for (QLineEdit *field : {m_host, m_database, m_user, m_authority, m_password})
        connect(field, &QLineEdit::textChanged, this, &TeamWorkspaceDialog::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &TeamWorkspaceDialog::updateState);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &TeamWorkspaceDialog::updateState);
    updateState();
}

void TeamWorkspaceDialog::setUri(const QString &uri)
{
    auto location = PostgresLocation::parse(uri);
    if (!location)
        return;
    m_host->setText(location.value().host());
    if (location.value().port() > 0)
        m_port->setValue(location.value().port());
    m_database->setText(location.value().database());
    m_user->setText(location.value().user());
    const QUrlQuery query(QUrl(uri).query());
    const int tls = m_tls->findData(query.queryItemValue(QStringLiteral("sslmode")));
    if (tls >= 0)
        m_tls->setCurrentIndex(tls);
    m_authority->setText(query.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded));
}

QString TeamWorkspaceDialog::uri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user->text().trimmed());
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), m_tls->currentData().toString());
    if (!m_authority->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), m_authority->text().trimmed());
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString TeamWorkspaceDialog::password() const
{
    return m_password->text();
}

bool TeamWorkspaceDialog::rememberPassword() const
{
    return m_remember->isChecked() && !m_password->text().isEmpty();
}

void TeamWorkspaceDialog::updateState()
{
    const bool complete = !m_host->text().trimmed().isEmpty() && !m_database->text().trimmed().isEmpty()
        && !m_user->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(complete);
    m_remember->setEnabled(!m_password->text().isEmpty());
    m_preview->setText(complete ? tr("Opens <code>%1</code>").arg(uri().toHtmlEscaped())
                                : tr("Host, database and user say where the workspace is and who you are there."));
}
