-- A team workspace's own rules, enforced by PostgreSQL for every role but the one that owns the
-- tables (the database's administrator, who could drop any trigger anyway). People log in with
-- their own roles; what they may do comes from the workbench role granted to them
-- (`genaiops workspace grant`), never from anything a client says.
--
-- Workbench roles are group roles (NOLOGIN). Every one of them reads everything.

-- Nobody but the owner creates objects here: a function or table of a member's own, found first
-- by name, must never stand in for the workspace's. (PostgreSQL 15 revokes this by default.)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

DO $roles$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['genaiops_member', 'genaiops_reviewer', 'genaiops_data_scientist',
                                'genaiops_ai_engineer', 'genaiops_governance_officer', 'genaiops_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
        IF name <> 'genaiops_member' AND NOT pg_has_role(name, 'genaiops_member', 'MEMBER') THEN
            EXECUTE format('GRANT genaiops_member TO %I', name);
        END IF;
    END LOOP;
END
$roles$;

-- Who owns this workspace's tables: exempt from the rules below, as an owner is from privileges.
INSERT INTO workspace_meta (key, value) VALUES ('team.owner', session_user)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;

CREATE FUNCTION genaiops_is_owner(member name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT member::text = (SELECT value FROM workspace_meta WHERE key = 'team.owner')
        OR COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = member), false)
$$;

-- One workbench role per login role; the owner is this workspace's admin.
CREATE FUNCTION genaiops_workbench_role(member name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE
        WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = member) THEN ''
        WHEN genaiops_is_owner(member) OR pg_has_role(member, 'genaiops_admin', 'MEMBER') THEN 'admin'
        WHEN pg_has_role(member, 'genaiops_governance_officer', 'MEMBER') THEN 'governance-officer'
        WHEN pg_has_role(member, 'genaiops_ai_engineer', 'MEMBER') THEN 'ai-engineer'
        WHEN pg_has_role(member, 'genaiops_data_scientist', 'MEMBER') THEN 'data-scientist'
        WHEN pg_has_role(member, 'genaiops_reviewer', 'MEMBER') THEN 'reviewer'
        ELSE '' END
$$;

-- ApprovalPolicy's rules as stored in workspace_meta ("registry.policy"), with core's defaults.
CREATE FUNCTION genaiops_policy() RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    -- Deciders merge per stage, as ApprovalPolicy reads them: a policy naming only Prod's keeps Dev's and Test's.
    WITH stored AS (SELECT COALESCE((SELECT value::jsonb FROM workspace_meta WHERE key = 'registry.policy'),
                                    '{}'::jsonb) AS policy)
    SELECT jsonb_build_object('four_eyes', '["Test", "Prod"]'::jsonb, 'evidence_for_prod', true,
                              'one_prod_per_group', true)
        || (stored.policy - 'deciders')
        || jsonb_build_object('deciders',
                              '{"Dev": ["data-scientist"], "Test": ["ai-engineer"], "Prod": ["governance-officer"]}'::jsonb
                                  || COALESCE(stored.policy -> 'deciders', '{}'::jsonb))
    FROM stored
$$;

CREATE FUNCTION genaiops_policy_names(value jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(value)
        WHEN 'string' THEN ARRAY[value #>> '{}']
        WHEN 'array' THEN ARRAY(SELECT jsonb_array_elements_text(value))
        ELSE ARRAY[]::text[] END
$$;

-- A double as CanonicalJson writes it (QByteArray::number(d, 'g', FloatingPointShortest)): the
-- shortest digits that read back as the same double (PostgreSQL's float8 output with
-- extra_float_digits = 1), in fixed or exponent form, whichever is shorter, fixed on a tie.
CREATE FUNCTION genaiops_canonical_double(number float8) RETURNS text
    LANGUAGE plpgsql IMMUTABLE SET extra_float_digits = 1 AS $$
DECLARE
    written text := abs(number)::text;
    mantissa text := split_part(written, 'e', 1);
    exponent integer := COALESCE(NULLIF(split_part(written, 'e', 2), '')::integer, 0);
    digits text := replace(mantissa, '.', '');
    point integer := CASE WHEN position('.' IN mantissa) = 0 THEN length(mantissa) ELSE position('.' IN mantissa) - 1 END
                     + exponent;
    count integer;
    fixed text;
    scientific text;
BEGIN
    WHILE length(digits) > 1 AND left(digits, 1) = '0' LOOP
        digits := substr(digits, 2);
        point := point - 1;
    END LOOP;
    digits := rtrim(digits, '0');
    count := length(digits);
    fixed := CASE WHEN point <= 0 THEN '0.' || repeat('0', -point) || digits
                  WHEN point >= count THEN digits || repeat('0', point - count)
                  ELSE left(digits, point) || '.' || substr(digits, point + 1) END;
    scientific := left(digits, 1) || CASE WHEN count > 1 THEN '.' || substr(digits, 2) ELSE '' END || 'e'
                  || CASE WHEN point - 1 < 0 THEN '-' ELSE '+' END || lpad(abs(point - 1)::text, 2, '0');
    RETURN CASE WHEN number < 0 THEN '-' ELSE '' END
           || CASE WHEN length(scientific) < length(fixed) THEN scientific ELSE fixed END;
END
$$;

-- CanonicalJson in SQL, so the database computes the same bytes as core and anyone holding
-- `registry audit --json`: keys sorted (by bytes; the workbench's keys are ASCII), no whitespace,
-- integers as integers and other numbers as genaiops_canonical_double writes them.
CREATE FUNCTION genaiops_canonical(value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(value)
        WHEN 'object' THEN '{' || COALESCE((SELECT string_agg(to_jsonb(entry.key)::text || ':'
                                                                  || genaiops_canonical(entry.value), ','
                                                              ORDER BY entry.key COLLATE "C")
                                             FROM jsonb_each(value) AS entry), '') || '}'
        WHEN 'array' THEN '[' || COALESCE((SELECT string_agg(genaiops_canonical(element.value), ','
                                                             ORDER BY element.position)
                                            FROM jsonb_array_elements(value) WITH ORDINALITY
                                                 AS element(value, position)), '') || ']'
        WHEN 'number' THEN CASE
            WHEN value::text::float8 = trunc(value::text::float8)
                 AND abs(value::text::float8) < 9007199254740992 THEN trunc(value::text::float8)::bigint::text
            ELSE genaiops_canonical_double(value::text::float8) END
        ELSE value::text END
$$;

CREATE FUNCTION genaiops_audit_hash(entry registry_audit) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(genaiops_canonical(jsonb_build_object(
        'sequence', entry.sequence, 'at', entry.at, 'actor', entry.actor, 'role', entry.role,
        'action', entry.action, 'backend', entry.backend, 'group', entry.group_name, 'version', entry.version,
        'from_status', entry.from_status, 'to_status', entry.to_status, 'from_stage', entry.from_stage,
        'to_stage', entry.to_stage, 'comment', entry.comment, 'override_reason', entry.override_reason,
        'evidence', entry.evidence::jsonb, 'remote_answer', entry.remote_answer::jsonb,
        'previous_hash', entry.previous_hash)), 'UTF8')), 'hex')
$$;

-- Every audit entry: the chain checked here (sequence, link, hash), so a row inserted by any
-- client either continues the chain or is refused; and for everyone but the owner, the actor is
-- the login role, the role its grant, and decisions follow the policy.
CREATE FUNCTION genaiops_audit_before_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    last_sequence bigint;
    last_hash text;
    who text := session_user;
    role_name text;
    policy jsonb := genaiops_policy();
    registered_by text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('genaiops-audit'));
    SELECT sequence, hash INTO last_sequence, last_hash FROM registry_audit ORDER BY sequence DESC LIMIT 1;
    IF NOT FOUND THEN
        last_sequence := 0;
        last_hash := repeat('0', 64);
    END IF;
    IF NEW.sequence IS DISTINCT FROM last_sequence + 1 THEN
        RAISE EXCEPTION 'audit entry % does not follow entry % of the trail', NEW.sequence, last_sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.previous_hash IS DISTINCT FROM last_hash THEN
        RAISE EXCEPTION 'audit entry % does not carry the hash of entry %', NEW.sequence, last_sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.hash IS DISTINCT FROM genaiops_audit_hash(NEW) THEN
        RAISE EXCEPTION 'audit entry %: its hash is not the SHA-256 of its canonical form', NEW.sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NOT genaiops_is_owner(session_user) THEN
        role_name := genaiops_workbench_role(session_user);
        IF NEW.actor IS DISTINCT FROM who THEN
            RAISE EXCEPTION 'the audit records who you are: this entry must name % as its actor, not %', who, NEW.actor
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.role IS DISTINCT FROM role_name THEN
            RAISE EXCEPTION '% is granted the workbench role "%", not "%"', who, role_name, NEW.role
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.action = 'register' AND NEW.to_status IS DISTINCT FROM 'PendingManualApproval' THEN
            RAISE EXCEPTION 'a registration leaves the version pending approval' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.action IN ('reject', 'archive')
           AND NOT role_name = ANY (genaiops_policy_names(policy -> 'deciders' -> COALESCE(NULLIF(NEW.from_stage, ''), 'Dev'))) THEN
            RAISE EXCEPTION 'refused by rule role: % decisions are taken by %; % is %', COALESCE(NULLIF(NEW.from_stage, ''), 'Dev'),
                array_to_string(genaiops_policy_names(policy -> 'deciders' -> COALESCE(NULLIF(NEW.from_stage, ''), 'Dev')), ' or '),
                who, CASE WHEN role_name = '' THEN 'granted no workbench role' ELSE role_name END
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- Whatever the action says, an entry that leaves a version approved in a stage is that stage's decision.
        IF NEW.to_status = 'Approved' AND NEW.to_stage IN ('Dev', 'Test', 'Prod')
           AND (NEW.to_stage IS DISTINCT FROM NEW.from_stage OR NEW.from_status IS DISTINCT FROM 'Approved') THEN
            IF NOT role_name = ANY (genaiops_policy_names(policy -> 'deciders' -> NEW.to_stage)) THEN
                RAISE EXCEPTION 'refused by rule role: % decisions are taken by %; % is %', NEW.to_stage,
                    array_to_string(genaiops_policy_names(policy -> 'deciders' -> NEW.to_stage), ' or '), who,
                    CASE WHEN role_name = '' THEN 'granted no workbench role' ELSE role_name END
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.to_stage = ANY (genaiops_policy_names(policy -> 'four_eyes')) THEN
                SELECT registrant INTO registered_by FROM registry_versions
                    WHERE group_name = NEW.group_name AND version = NEW.version;
                IF registered_by IS NULL OR lower(btrim(registered_by)) = lower(who) THEN
                    RAISE EXCEPTION 'refused by rule four-eyes: % registered % version % and may not approve it for %; another person must',
                        who, NEW.group_name, NEW.version, NEW.to_stage USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            IF NEW.to_stage = 'Prod' AND (policy ->> 'evidence_for_prod')::boolean
               AND btrim(NEW.override_reason) = ''
               AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(NEW.evidence::jsonb -> 'runs', '[]'::jsonb)) AS run
                                   JOIN eval_runs ON eval_runs.id = (run ->> 'run_id')::bigint
                               WHERE (run ->> 'passed')::boolean AND eval_runs.status IN ('completed', 'imported')
                                 AND (SELECT eval_run_ids::jsonb FROM registry_versions
                                      WHERE group_name = NEW.group_name AND version = NEW.version)
                                     @> to_jsonb(eval_runs.id)) THEN
                RAISE EXCEPTION 'refused by rule evidence: a Prod approval needs a linked, finished evaluation run whose gates passed, or an override reason'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
    END IF;
    INSERT INTO workspace_meta (key, value) VALUES ('registry.audit.head', NEW.sequence || ' ' || NEW.hash)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    RETURN NEW;
END
$$;

CREATE TRIGGER registry_audit_chain BEFORE INSERT ON registry_audit
    FOR EACH ROW EXECUTE FUNCTION genaiops_audit_before_insert();

-- The trail is append-only for everyone but its owner. No other role is granted UPDATE, DELETE
-- or TRUNCATE on it; this trigger holds even if someone grants them by mistake.
CREATE FUNCTION genaiops_audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT genaiops_is_owner(session_user) THEN
        RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER registry_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON registry_audit
    FOR EACH STATEMENT EXECUTE FUNCTION genaiops_audit_refuse_change();

-- A version's stage and status change only with an audit entry that says so: at commit, the
-- version must be in the state its newest entry records. One Prod version per group, when the
-- policy says so.
CREATE FUNCTION genaiops_version_audited() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    recorded registry_audit;
BEGIN
    IF genaiops_is_owner(session_user) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.status IS DISTINCT FROM NEW.status THEN
        SELECT * INTO recorded FROM registry_audit WHERE group_name = NEW.group_name AND version = NEW.version
            ORDER BY sequence DESC LIMIT 1;
        IF NOT FOUND OR recorded.to_status IS DISTINCT FROM NEW.status OR recorded.to_stage IS DISTINCT FROM NEW.stage
           OR recorded.actor IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION '% version % may change stage or status only with an audit entry of yours that records it',
                NEW.group_name, NEW.version USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF TG_OP = 'INSERT' AND lower(btrim(NEW.registrant)) IS DISTINCT FROM lower(session_user::text) THEN
        RAISE EXCEPTION 'a version is registered by the one who registers it: %, not %', session_user, NEW.registrant
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.stage = 'Prod' AND NEW.status = 'Approved' AND (genaiops_policy() ->> 'one_prod_per_group')::boolean
       AND EXISTS (SELECT 1 FROM registry_versions WHERE group_name = NEW.group_name AND version <> NEW.version
                   AND stage = 'Prod' AND status = 'Approved') THEN
        RAISE EXCEPTION 'one Prod version per group: % has another', NEW.group_name USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER registry_versions_audited AFTER INSERT OR UPDATE ON registry_versions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION genaiops_version_audited();

-- Evaluation runs: everyone reads; a run belongs to the role that started it, and only it or an
-- admin changes or removes the run and what hangs from it. Labels belong to their reviewer.
ALTER TABLE eval_runs ADD COLUMN author TEXT NOT NULL DEFAULT session_user;

CREATE FUNCTION genaiops_may_change_run(run bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT genaiops_is_owner(session_user) OR pg_has_role(session_user, 'genaiops_admin', 'MEMBER')
        OR EXISTS (SELECT 1 FROM eval_runs WHERE id = run AND author = session_user::text)
$$;

ALTER TABLE eval_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON eval_runs FOR SELECT USING (true);
CREATE POLICY author_starts ON eval_runs FOR INSERT WITH CHECK (author = session_user::text);
CREATE POLICY author_changes ON eval_runs FOR UPDATE USING (genaiops_may_change_run(id))
    WITH CHECK (genaiops_may_change_run(id));
CREATE POLICY author_removes ON eval_runs FOR DELETE USING (genaiops_may_change_run(id));

DO $children$
DECLARE
    child text;
BEGIN
    FOREACH child IN ARRAY ARRAY['eval_results', 'eval_scores'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', child);
        EXECUTE format('CREATE POLICY everyone_reads ON %I FOR SELECT USING (true)', child);
        EXECUTE format('CREATE POLICY author_writes ON %I FOR INSERT WITH CHECK (genaiops_may_change_run(run_id))', child);
        EXECUTE format('CREATE POLICY author_changes ON %I FOR UPDATE USING (genaiops_may_change_run(run_id))', child);
        EXECUTE format('CREATE POLICY author_removes ON %I FOR DELETE USING (genaiops_may_change_run(run_id))', child);
    END LOOP;
END
$children$;

ALTER TABLE eval_labels ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON eval_labels FOR SELECT USING (true);
CREATE POLICY reviewer_writes ON eval_labels FOR INSERT WITH CHECK (reviewer = session_user::text);
CREATE POLICY reviewer_changes ON eval_labels FOR UPDATE USING (reviewer = session_user::text)
    WITH CHECK (reviewer = session_user::text);
CREATE POLICY reviewer_removes ON eval_labels FOR DELETE
    USING (reviewer = session_user::text OR pg_has_role(session_user, 'genaiops_admin', 'MEMBER'));

-- Privileges per workbench role.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO genaiops_member;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO genaiops_reviewer, genaiops_data_scientist,
    genaiops_ai_engineer, genaiops_governance_officer, genaiops_admin;
GRANT INSERT, UPDATE, DELETE ON eval_labels, edge_review_labels TO genaiops_reviewer, genaiops_data_scientist,
    genaiops_ai_engineer, genaiops_governance_officer, genaiops_admin;
GRANT INSERT, UPDATE, DELETE ON prompt_versions, prompt_labels, playground_runs, playground_responses,
    eval_datasets, eval_items, eval_runs, eval_results, eval_scores, invocations, edge_recordings,
    edge_recorded_messages
    TO genaiops_data_scientist, genaiops_ai_engineer, genaiops_admin;
-- Shared connection profiles name where everyone's keys are sent: only an admin changes them.
GRANT INSERT, UPDATE, DELETE ON credential_profiles TO genaiops_admin;
-- Anyone who may decide may register (core refuses only a reviewer); four-eyes keeps it honest.
GRANT INSERT ON registry_groups TO genaiops_data_scientist, genaiops_ai_engineer, genaiops_governance_officer,
    genaiops_admin;
GRANT INSERT ON invocations TO genaiops_reviewer, genaiops_governance_officer;
-- A decision changes a version's state and nothing else: who registered it, what it is and its
-- evidence stay as registered.
GRANT INSERT, UPDATE (status, stage, stage_status, approval_description, modified_at) ON registry_versions
    TO genaiops_data_scientist, genaiops_ai_engineer, genaiops_governance_officer, genaiops_admin;
GRANT INSERT ON registry_audit TO genaiops_data_scientist, genaiops_ai_engineer, genaiops_governance_officer,
    genaiops_admin;
GRANT INSERT, UPDATE, DELETE ON workspace_meta, model_prices TO genaiops_admin;
GRANT UPDATE, DELETE ON eval_runs, eval_results, eval_scores TO genaiops_admin;
REVOKE ALL ON workspace_meta, registry_audit FROM PUBLIC;
GRANT SELECT ON workspace_meta, registry_audit TO genaiops_member;

-- An admin keeps the policy and settings in workspace_meta, but not what the workspace itself
-- keeps there: its owner, its schema versions and the audit head (written by the audit trigger,
-- which runs as the owner).
CREATE FUNCTION genaiops_meta_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    key text := CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END;
BEGIN
    IF NOT genaiops_is_owner(current_user)
       AND (key IN ('application', 'format', 'created_at', 'created_by_version', 'registry.audit.head')
            OR key LIKE 'schema.%' OR key LIKE 'team.%'
            OR (TG_OP = 'UPDATE' AND OLD.key IS DISTINCT FROM NEW.key)) THEN
        RAISE EXCEPTION 'workspace_meta key % is the workspace''s own', key USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER workspace_meta_guard BEFORE INSERT OR UPDATE OR DELETE ON workspace_meta
    FOR EACH ROW EXECUTE FUNCTION genaiops_meta_guard();

-- Tables later migrations add are readable by every member from the start.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO genaiops_member;

-- Live: a decision or a finished run reaches every open window (LISTEN genaiops_registry,
-- genaiops_runs). The payload says what changed; clients read the rows themselves.
CREATE FUNCTION genaiops_notify_registry() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('genaiops_registry', json_build_object('sequence', NEW.sequence, 'group', NEW.group_name,
                                                             'version', NEW.version, 'action', NEW.action,
                                                             'actor', NEW.actor)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER registry_audit_notify AFTER INSERT ON registry_audit
    FOR EACH ROW EXECUTE FUNCTION genaiops_notify_registry();

CREATE FUNCTION genaiops_notify_runs() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('genaiops_runs', json_build_object('run', OLD.id, 'status', 'deleted')::text);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.name IS DISTINCT FROM OLD.name THEN
        PERFORM pg_notify('genaiops_runs', json_build_object('run', NEW.id, 'status', NEW.status,
                                                             'author', NEW.author)::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER eval_runs_notify AFTER INSERT OR UPDATE OR DELETE ON eval_runs
    FOR EACH ROW EXECUTE FUNCTION genaiops_notify_runs();

-- `genaiops workspace grant / revoke`: one workbench role per login role, changed by an admin. The
-- functions run as the owner, who may grant the group roles; they check the caller first.
CREATE FUNCTION genaiops_group_role(workbench text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE workbench
        WHEN 'data-scientist' THEN 'genaiops_data_scientist'
        WHEN 'ai-engineer' THEN 'genaiops_ai_engineer'
        WHEN 'reviewer' THEN 'genaiops_reviewer'
        WHEN 'governance-officer' THEN 'genaiops_governance_officer'
        WHEN 'admin' THEN 'genaiops_admin' END
$$;

CREATE FUNCTION genaiops_revoke(login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    granted text;
BEGIN
    IF NOT (genaiops_is_owner(session_user) OR pg_has_role(session_user, 'genaiops_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'only an admin changes who holds which workbench role; % is %', session_user,
            COALESCE(NULLIF(genaiops_workbench_role(session_user), ''), 'granted no workbench role')
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'there is no database role "%" (create it with CREATE ROLE % LOGIN)', login, login
            USING ERRCODE = 'undefined_object';
    END IF;
    FOR granted IN SELECT groups.rolname FROM pg_auth_members AS members
                       JOIN pg_roles AS groups ON groups.oid = members.roleid
                       JOIN pg_roles AS logins ON logins.oid = members.member
                   WHERE logins.rolname = login AND groups.rolname LIKE 'genaiops\_%' LOOP
        EXECUTE format('REVOKE %I FROM %I', granted, login);
    END LOOP;
END
$$;

CREATE FUNCTION genaiops_grant(login text, workbench text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF genaiops_group_role(workbench) IS NULL THEN
        RAISE EXCEPTION 'no workbench role "%": data-scientist, ai-engineer, reviewer, governance-officer or admin',
            workbench USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM genaiops_revoke(login);
    EXECUTE format('GRANT %I TO %I', genaiops_group_role(workbench), login);
END
$$;

REVOKE EXECUTE ON FUNCTION genaiops_grant(text, text), genaiops_revoke(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION genaiops_grant(text, text), genaiops_revoke(text) TO genaiops_member;
