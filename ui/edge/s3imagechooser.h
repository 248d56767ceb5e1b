#pragma once

#include "core/aws/s3objectreader.h"

#include <QComboBox>

class CredentialStore;
class WorkspaceWorker;

// Which AWS connection reads the inspection images devices store in S3: "No S3 access" or one of
// the workspace's AWS profiles. Choosing one resolves its keys (keyring or AWS profile, off the
// GUI thread) and hands a reader to whoever shows images; the profile's optional
// s3_endpoint_url setting points it at an S3-compatible store.
class S3ImageChooser : public QComboBox
{
    Q_OBJECT

public:
    S3ImageChooser(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent = nullptr);

    // Lists the workspace's AWS profiles again (the workspace was opened or changed).
    void reload();
    S3ObjectReader *reader() const { return m_reader; }

signals:
    void readerChanged(S3ObjectReader *reader); // nullptr: no S3 access
    void problem(const QString &message);

private:
    void choose(int index);

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    S3ObjectReader *m_reader = nullptr;
};
