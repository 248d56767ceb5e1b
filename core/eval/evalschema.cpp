#include "core/eval/evalschema.h"

SchemaModule EvalSchema::schema()
{
    return {QStringLiteral("eval"),
            {{1,
              QStringLiteral("datasets, items, runs, results and scores"),
              {QStringLiteral("CREATE TABLE eval_datasets ("
                              " id ${id},"
                              " name TEXT NOT NULL,"
                              " version INTEGER NOT NULL,"
                              " source_path TEXT NOT NULL DEFAULT '',"
                              " content_hash TEXT NOT NULL DEFAULT '',"
                              " item_count ${bigint} NOT NULL DEFAULT 0,"
                              " with_responses ${bigint} NOT NULL DEFAULT 0,"
                              " skipped TEXT NOT NULL DEFAULT '[]',"
                              " created_at TEXT NOT NULL,"
                              " UNIQUE (name, version))"),
               QStringLiteral("CREATE INDEX eval_datasets_content ON eval_datasets (name, content_hash)"),
               QStringLiteral("CREATE TABLE eval_items ("
                              " dataset_id ${bigint} NOT NULL REFERENCES eval_datasets (id) ON DELETE CASCADE,"
                              " item_index ${bigint} NOT NULL,"
                              " line INTEGER NOT NULL DEFAULT 0,"
                              " question TEXT NOT NULL,"
                              " contexts TEXT NOT NULL DEFAULT '[]',"
                              " response TEXT NOT NULL DEFAULT '',"
                              " reference TEXT NOT NULL DEFAULT '',"
                              " extra TEXT NOT NULL DEFAULT '{}',"
                              " PRIMARY KEY (dataset_id, item_index))"),
               QStringLiteral("CREATE TABLE eval_runs ("
                              " id ${id},"
                              " name TEXT NOT NULL DEFAULT '',"
                              " dataset_id ${bigint} NOT NULL REFERENCES eval_datasets (id),"
                              " model TEXT NOT NULL DEFAULT '',"
                              " judge_model TEXT NOT NULL DEFAULT '',"
                              " status TEXT NOT NULL,"
                              " created_at TEXT NOT NULL,"
                              " finished_at TEXT NOT NULL DEFAULT '',"
                              " item_count ${bigint} NOT NULL DEFAULT 0,"
                              " completed ${bigint} NOT NULL DEFAULT 0,"
                              " failed ${bigint} NOT NULL DEFAULT 0,"
                              " input_tokens ${bigint} NOT NULL DEFAULT 0,"
                              " output_tokens ${bigint} NOT NULL DEFAULT 0,"
                              " cost_usd ${real} NOT NULL DEFAULT 0,"
                              " settings TEXT NOT NULL DEFAULT '{}')"),
               QStringLiteral("CREATE INDEX eval_runs_dataset ON eval_runs (dataset_id)"),
               QStringLiteral("CREATE TABLE eval_results ("
                              " run_id ${bigint} NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,"
                              " item_index ${bigint} NOT NULL,"
                              " ok INTEGER NOT NULL,"
                              " error TEXT NOT NULL DEFAULT '',"
                              " response TEXT NOT NULL DEFAULT '',"
                              " scores TEXT NOT NULL DEFAULT '[]',"
                              " input_tokens ${bigint} NOT NULL DEFAULT 0,"
                              " output_tokens ${bigint} NOT NULL DEFAULT 0,"
                              " cost_usd ${real} NOT NULL DEFAULT 0,"
                              " latency_ms ${bigint} NOT NULL DEFAULT 0,"
                              " completed_at TEXT NOT NULL,"
                              " PRIMARY KEY (run_id, item_index))"),
               // Keyed by run first, so deleting a run cascades through an index, not a table scan.
               QStringLiteral("CREATE TABLE eval_scores ("
                              " run_id ${bigint} NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,"
                              " item_index ${bigint} NOT NULL,"
                              " metric TEXT NOT NULL,"
                              " value ${real},"
                              " error TEXT NOT NULL DEFAULT '',"
                              " PRIMARY KEY (run_id, item_index, metric))"),
               // Covers metricValues(): one metric of one run in item order without touching the table.
               QStringLiteral("CREATE INDEX eval_scores_metric ON eval_scores (run_id, metric, item_index, value)")}},
             // One label per reviewer, item and metric: labelling again replaces the reviewer's own
             // label, never another person's. value is 1 for pass, 0 for fail, or the score given.
             {2,
              QStringLiteral("human labels of judged metrics"),
              {QStringLiteral("CREATE TABLE eval_labels ("
                              " run_id ${bigint} NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,"
                              " item_index ${bigint} NOT NULL,"
                              " metric TEXT NOT NULL,"
                              " reviewer TEXT NOT NULL,"
                              " verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'score')),"
                              " value ${real} NOT NULL CHECK (value >= 0 AND value <= 1),"
                              " comment TEXT NOT NULL DEFAULT '',"
                              " source TEXT NOT NULL DEFAULT '',"
                              " created_at TEXT NOT NULL,"
                              " PRIMARY KEY (run_id, metric, item_index, reviewer))")}},
             // The few scores that have no value, found without reading the many that do: opening
             // a run names each item's unscored metric (RunTable::load).
             {3,
              QStringLiteral("an index of unscored metrics"),
              {QStringLiteral(
                  "CREATE INDEX eval_scores_unscored ON eval_scores (run_id, item_index) WHERE value IS NULL")}},
             // What a guardrail did to each item (GuardrailVerdict as JSON) and what a Knowledge Base
             // retrieved and cited; '' where the run used neither.
             {4,
              QStringLiteral("guardrail verdicts and Knowledge Base retrievals of results"),
              {QStringLiteral("ALTER TABLE eval_results ADD COLUMN guardrail TEXT NOT NULL DEFAULT ''"),
               QStringLiteral("ALTER TABLE eval_results ADD COLUMN retrieval TEXT NOT NULL DEFAULT ''")}}}};
}
