/// The PostgreSQL schema as named migrations, applied in order on every start (each once, in one
/// transaction, under an advisory lock). Add new ones at the end; never edit one that shipped.
///
/// Rows of a team's units carry `team_id`, and row-level security lets the application role see
/// and write only rows of the teams named in the transaction's `fuhe.teams` setting: the server
/// scopes every query itself, and PostgreSQL refuses what a mistake there would let through.
enum ServerSchema {
    static let applicationID = "fuhe.server"

    /// The tables a team's units live in (each has `team_id` and a row-level policy).
    static let teamTables = ["dossier", "result", "evidence", "finding", "rect_item", "journal", "lease", "lease_unit"]

    static func migrations(appRole: String) -> [(name: String, sql: [String])] {
        let role = quoteIdent(appRole)
        return [
            ("s1-schema", [
                "CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
                "CREATE TABLE team (id serial PRIMARY KEY, name text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now())",
                """
                CREATE TABLE account (id serial PRIMARY KEY, name text NOT NULL UNIQUE, display_name text NOT NULL UNIQUE,
                    role text NOT NULL CHECK (role IN ('admin', 'leader', 'member', 'inspector')),
                    password_hash text NOT NULL, disabled boolean NOT NULL DEFAULT false,
                    created_at timestamptz NOT NULL DEFAULT now())
                """,
                """
                CREATE TABLE team_member (team_id integer NOT NULL REFERENCES team(id) ON DELETE CASCADE,
                    account_id integer NOT NULL REFERENCES account(id) ON DELETE CASCADE, PRIMARY KEY (team_id, account_id))
                """,
                """
                CREATE TABLE token (digest text PRIMARY KEY, account_id integer NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    created_at timestamptz NOT NULL DEFAULT now(), expires_at timestamptz NOT NULL, revoked boolean NOT NULL DEFAULT false)
                """,
                "CREATE TABLE audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, action text NOT NULL, detail text NOT NULL)",
                "CREATE TABLE grade_scheme (id text PRIMARY KEY, json text NOT NULL)",
                "CREATE TABLE template (id text PRIMARY KEY, name text NOT NULL, eval_type text NOT NULL, bundled boolean NOT NULL DEFAULT false, json text NOT NULL)",
                "CREATE TABLE unit (id text PRIMARY KEY, name text NOT NULL, json text NOT NULL)",
                "CREATE TABLE cycle (id text PRIMARY KEY, fiscal_year integer NOT NULL, json text NOT NULL)",
                """
                CREATE TABLE dossier (id text PRIMARY KEY, team_id integer NOT NULL REFERENCES team(id),
                    unit_id text NOT NULL REFERENCES unit(id), cycle_id text NOT NULL REFERENCES cycle(id),
                    template_id text NOT NULL REFERENCES template(id),
                    evaluation_json text NOT NULL, self_team_json text NOT NULL, review_json text,
                    unit_name text NOT NULL, sort_key text NOT NULL, fiscal_year integer NOT NULL, year_is_demo boolean NOT NULL,
                    eval_type text NOT NULL, status text NOT NULL, review_status text, self_total integer, self_grade text,
                    review_total integer, review_complete boolean NOT NULL DEFAULT false, review_grade text,
                    reviewed_rows integer NOT NULL DEFAULT 0, scorable_rows integer NOT NULL DEFAULT 0,
                    warning_count integer NOT NULL DEFAULT 0, open_items integer NOT NULL DEFAULT 0,
                    total_items integer NOT NULL DEFAULT 0, updated_at text NOT NULL)
                """,
                "CREATE INDEX dossier_team_list ON dossier(team_id, sort_key, fiscal_year, id)",
                """
                CREATE TABLE result (dossier_id text NOT NULL REFERENCES dossier(id) ON DELETE CASCADE, node_id text NOT NULL,
                    team_id integer NOT NULL, json text NOT NULL, PRIMARY KEY (dossier_id, node_id))
                """,
                """
                CREATE TABLE evidence (dossier_id text NOT NULL REFERENCES dossier(id) ON DELETE CASCADE, id text NOT NULL,
                    team_id integer NOT NULL, position integer NOT NULL, json text NOT NULL, PRIMARY KEY (dossier_id, id))
                """,
                """
                CREATE TABLE finding (dossier_id text NOT NULL REFERENCES dossier(id) ON DELETE CASCADE, id text NOT NULL,
                    team_id integer NOT NULL, seq integer NOT NULL, json text NOT NULL, PRIMARY KEY (dossier_id, id))
                """,
                """
                CREATE TABLE rect_item (dossier_id text NOT NULL REFERENCES dossier(id) ON DELETE CASCADE, id text NOT NULL,
                    team_id integer NOT NULL, finding_id text NOT NULL, seq integer NOT NULL, status text NOT NULL,
                    deadline text NOT NULL, overdue_from text, json text NOT NULL, PRIMARY KEY (dossier_id, id))
                """,
                "CREATE INDEX rect_item_overdue ON rect_item(overdue_from) WHERE overdue_from IS NOT NULL",
                """
                CREATE TABLE journal (seq bigint PRIMARY KEY, at text NOT NULL, actor text NOT NULL, origin text NOT NULL,
                    dossier_id text, team_id integer, entity text NOT NULL, entity_id text NOT NULL, field text NOT NULL,
                    old text, new text, reason text, batch bigint NOT NULL, session text,
                    prev_hash text NOT NULL, hash text NOT NULL)
                """,
                "CREATE INDEX journal_entity ON journal(dossier_id, entity, entity_id, field)",
                "CREATE INDEX journal_batch ON journal(batch)",
                // The chain's head, locked by each append: journal order is commit order, so a
                // session asking for what came after a position never misses a slower commit.
                "CREATE TABLE journal_head (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, batch bigint NOT NULL, hash text NOT NULL)",
                "INSERT INTO journal_head VALUES (1, 0, 0, '')",
                """
                CREATE TABLE lease (id text PRIMARY KEY, team_id integer NOT NULL, copy_store_id text NOT NULL, holder text NOT NULL,
                    actor text NOT NULL, since text NOT NULL, out_path text NOT NULL, status text NOT NULL,
                    base_digest text NOT NULL, checkout_seq bigint NOT NULL, merged_at text, merged_by text,
                    merged_digest text, unmergeable text)
                """,
                """
                CREATE TABLE lease_unit (lease_id text NOT NULL REFERENCES lease(id), dossier_id text NOT NULL,
                    team_id integer NOT NULL, PRIMARY KEY (lease_id, dossier_id))
                """,
                "CREATE INDEX lease_unit_dossier ON lease_unit(dossier_id)",
                // The teams of the transaction (set by the server with set_config(…, true)).
                """
                CREATE FUNCTION fuhe_teams() RETURNS integer[] LANGUAGE sql STABLE AS
                $$ SELECT COALESCE(NULLIF(current_setting('fuhe.teams', true), ''), '{}')::integer[] $$
                """,
            ] + teamTables.flatMap { table in [
                "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY team_rows ON \(table) USING (team_id = ANY ((SELECT fuhe_teams())::integer[])) WITH CHECK (team_id = ANY ((SELECT fuhe_teams())::integer[]))",
            ] } + [
                // The application role: what a request may touch. The journal is append-only for it.
                "GRANT USAGE ON SCHEMA public TO \(role)",
                "GRANT SELECT ON meta, team, team_member, grade_scheme, template, unit, cycle TO \(role)",
                "GRANT INSERT, UPDATE ON template, unit, cycle TO \(role)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON dossier, result, evidence, finding, rect_item TO \(role)",
                "GRANT SELECT, INSERT ON journal TO \(role)",
                "GRANT SELECT, UPDATE ON journal_head TO \(role)",
                "GRANT SELECT, INSERT, UPDATE ON lease, lease_unit TO \(role)",
                "GRANT EXECUTE ON FUNCTION fuhe_teams() TO \(role)",
            ]),
            // Lease numbers for checkouts through the server: unique across teams (row-level
            // security hides other teams' leases, so counting visible ones would repeat numbers).
            ("s2-lease-seq", [
                "CREATE SEQUENCE lease_seq",
                "GRANT USAGE, SELECT ON SEQUENCE lease_seq TO \(role)",
            ]),
        ]
    }

    /// A PostgreSQL identifier, quoted.
    static func quoteIdent(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A PostgreSQL string literal.
    static func quoteLiteral(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
