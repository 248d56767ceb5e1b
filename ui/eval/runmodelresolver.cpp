#include "ui/eval/runmodelresolver.h"

#include "ui/common/selectionresolver.h"

void RunModelResolver::resolve(const RunSettings &settings, WorkspaceWorker &worker, CredentialStore &store,
                               QObject *context, std::function<void(Result<Models>)> done)
{
    QList<ProviderSelection> selections;
    QStringList labels;
    const bool generates = !settings.responsesFromDataset;
    const bool judges = settings.needsJudge();
    const bool guards = settings.isGuarded() && !settings.guardsThroughGenerator();
    if (generates) {
        selections << settings.generator;
        labels << tr("Response model");
    }
    if (judges) {
        selections << settings.judge;
        labels << tr("Judge model");
    }
    if (guards) {
        selections << settings.guardrail;
        labels << tr("Guardrail connection");
    }
    SelectionResolver::resolveAll(selections, labels, worker, store, context,
                                  [generates, judges, guards, done](Result<QList<ProviderConfig>> configs) {
                                      if (!configs)
                                          return done(configs.error());
                                      Models models;
                                      qsizetype next = 0;
                                      if (generates)
                                          models.generator = configs.value().value(next++);
                                      if (judges)
                                          models.judge = configs.value().value(next++);
                                      if (guards)
                                          models.guardrail = configs.value().value(next++);
                                      done(models);
                                  });
}
