#include "ui/edge/s3imagechooser.h"

#include "core/aws/s3objectreader.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/selectionresolver.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QUrl>

S3ImageChooser::S3ImageChooser(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QComboBox(parent), m_worker(worker), m_store(store)
{
    setObjectName(QStringLiteral("s3ImageProfile"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("The AWS connection that reads inspection images stored in S3"));
    addItem(tr("No S3 access"));
    connect(this, &QComboBox::activated, this, &S3ImageChooser::choose);
}

void S3ImageChooser::reload()
{
    m_worker.run<QStringList>(
        [](Workspace &workspace) {
            return CredentialProfileRepository(workspace).names({CredentialProfile::Kind::Aws});
        },
        this,
        [this](Result<QStringList> names) {
            if (!names)
                return;
            const QString chosen = currentIndex() > 0 ? currentText() : QString();
            while (count() > 1)
                removeItem(1);
            for (const QString &name : names.value())
                addItem(tr("S3 images via %1").arg(name), name);
            setCurrentIndex(std::max(0, findData(chosen)));
        });
}

void S3ImageChooser::choose(int index)
{
    delete m_reader;
    m_reader = nullptr;
    const QString profile = itemData(index).toString();
    if (profile.isEmpty())
        return emit readerChanged(nullptr);
    SelectionResolver::readProfile(
        profile, m_worker, m_store, this, [this, profile](Result<std::pair<CredentialProfile, SecretMap>> read) {
            if (!read)
                return emit problem(read.error().describe());
            ProviderSelection selection;
            selection.provider = QStringLiteral("bedrock");
            selection.profile = profile;
            selection.model = QStringLiteral("s3"); // a model id the resolution wants; S3 has none
            auto config = selection.resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath(),
                                            read.value().first, read.value().second);
            if (!config)
                return emit problem(config.error().describe());
            S3ObjectReader::Settings settings;
            settings.region = config.value().region;
            settings.credentials = config.value().aws;
            settings.endpointUrl
                = QUrl(read.value().first.settings.value(QStringLiteral("s3_endpoint_url")).toString());
            m_reader = new S3ObjectReader(settings, this);
            emit readerChanged(m_reader);
        });
}
