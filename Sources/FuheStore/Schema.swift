import GRDB

/// The SQLite schema, as GRDB migrations. Each migration runs once, in order, in a transaction.
enum Schema {
    static let applicationID = "fuhe.store"
    static let currentVersion = 8

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE grade_scheme (id TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);
                CREATE TABLE template (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, eval_type TEXT NOT NULL,
                                       bundled INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL);
                CREATE TABLE unit (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL);
                CREATE TABLE cycle (id TEXT PRIMARY KEY NOT NULL, fiscal_year INTEGER NOT NULL, json TEXT NOT NULL);
                CREATE TABLE dossier (
                    id TEXT PRIMARY KEY NOT NULL,
                    unit_id TEXT NOT NULL REFERENCES unit(id),
                    cycle_id TEXT NOT NULL REFERENCES cycle(id),
                    template_id TEXT NOT NULL REFERENCES template(id),
                    evaluation_json TEXT NOT NULL,
                    self_team_json TEXT NOT NULL,
                    review_json TEXT,
                    -- summary, kept current by every write (never scan indicators to list units)
                    unit_name TEXT NOT NULL, sort_key TEXT NOT NULL, fiscal_year INTEGER NOT NULL,
                    year_is_demo INTEGER NOT NULL, eval_type TEXT NOT NULL, status TEXT NOT NULL,
                    review_status TEXT, self_total INTEGER, self_grade TEXT, review_total INTEGER,
                    review_complete INTEGER NOT NULL DEFAULT 0, review_grade TEXT,
                    reviewed_rows INTEGER NOT NULL DEFAULT 0, scorable_rows INTEGER NOT NULL DEFAULT 0,
                    warning_count INTEGER NOT NULL DEFAULT 0, open_items INTEGER NOT NULL DEFAULT 0,
                    total_items INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
                CREATE INDEX dossier_sort ON dossier(sort_key, fiscal_year);
                CREATE TABLE result (dossier_id TEXT NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                                     node_id TEXT NOT NULL, json TEXT NOT NULL,
                                     PRIMARY KEY (dossier_id, node_id)) WITHOUT ROWID;
                CREATE TABLE evidence (dossier_id TEXT NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                                       id TEXT NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL,
                                       PRIMARY KEY (dossier_id, id)) WITHOUT ROWID;
                CREATE TABLE finding (dossier_id TEXT NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                                      id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL,
                                      PRIMARY KEY (dossier_id, id)) WITHOUT ROWID;
                CREATE TABLE rect_item (dossier_id TEXT NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                                        id TEXT NOT NULL, finding_id TEXT NOT NULL, seq INTEGER NOT NULL,
                                        status TEXT NOT NULL, deadline TEXT NOT NULL, overdue_from TEXT,
                                        json TEXT NOT NULL, PRIMARY KEY (dossier_id, id)) WITHOUT ROWID;
                CREATE INDEX rect_item_overdue ON rect_item(overdue_from) WHERE overdue_from IS NOT NULL;
                CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
                                      origin TEXT NOT NULL, dossier_id TEXT, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
                                      field TEXT NOT NULL, old TEXT, new TEXT, reason TEXT, batch INTEGER NOT NULL);
                CREATE INDEX journal_entity ON journal(dossier_id, entity, entity_id, field);
                """)
        }
        m.registerMigration("v2-unit-list-index") { db in
            // The unit list reads only summary columns; this covering index serves it (in list
            // order) without touching the dossier rows and their large JSON columns.
            try db.execute(sql: """
                CREATE INDEX dossier_list ON dossier(sort_key, fiscal_year, id, unit_name, year_is_demo, eval_type, status,
                    review_status, self_total, self_grade, review_total, review_complete, review_grade, reviewed_rows,
                    scorable_rows, warning_count, open_items, total_items)
                """)
        }
        m.registerMigration("v3-journal-chain") { db in
            try db.execute(sql: """
                ALTER TABLE journal ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE journal ADD COLUMN hash TEXT NOT NULL DEFAULT '';
                """)
            try JournalChain.rechain(db, encoding: .v1)
        }
        m.registerMigration("v4-copies") { db in
            // lease: in a main store, the units lent out as offline copies (one row per checkout).
            // copy_base: in a copy, every entity as it was when checked out (the merge's base).
            try db.execute(sql: """
                CREATE TABLE lease (id TEXT PRIMARY KEY NOT NULL, copy_store_id TEXT NOT NULL, holder TEXT NOT NULL,
                                    actor TEXT NOT NULL, since TEXT NOT NULL, out_path TEXT NOT NULL, status TEXT NOT NULL,
                                    base_digest TEXT NOT NULL, checkout_seq INTEGER NOT NULL,
                                    merged_at TEXT, merged_by TEXT, merged_digest TEXT);
                CREATE TABLE lease_unit (lease_id TEXT NOT NULL REFERENCES lease(id), dossier_id TEXT NOT NULL,
                                         PRIMARY KEY (lease_id, dossier_id)) WITHOUT ROWID;
                CREATE INDEX lease_unit_dossier ON lease_unit(dossier_id);
                CREATE TABLE copy_base (dossier_id TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, json TEXT NOT NULL,
                                        PRIMARY KEY (dossier_id, entity, entity_id)) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v5-journal-session") { db in
            // session: which workstation run or command wrote a batch (undo reverts only its own).
            try db.execute(sql: "ALTER TABLE journal ADD COLUMN session TEXT")
        }
        m.registerMigration("v5-lease-unmergeable") { db in
            // unmergeable: why a lease's copy can no longer be merged (a unit of it was replaced by
            // import --replace --force); NULL while it can.
            try db.execute(sql: "ALTER TABLE lease ADD COLUMN unmergeable TEXT")
        }
        m.registerMigration("v6-intake") { db in
            // intake_draft: reports read by `fuhe intake --import`, awaiting confirmation (the draft
            // JSON with the reviewer's decisions); report_source: the text a dossier was made from.
            try db.execute(sql: """
                CREATE TABLE intake_draft (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, status TEXT NOT NULL,
                                           source_file TEXT NOT NULL, unit_name TEXT, created_at TEXT NOT NULL,
                                           created_by TEXT NOT NULL, dossier_id TEXT, json TEXT NOT NULL);
                CREATE TABLE report_source (dossier_id TEXT PRIMARY KEY NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                                            sha256 TEXT NOT NULL, json TEXT NOT NULL);
                """)
        }
        m.registerMigration("v7-sample-dossiers") { db in
            // The bundled sample dossiers, marked so that they can be shown as samples and removed
            // without touching real work. Stores from before: a dossier whose last import was the
            // samples' is one.
            try db.execute(sql: """
                CREATE TABLE sample_dossier (dossier_id TEXT PRIMARY KEY NOT NULL REFERENCES dossier(id) ON DELETE CASCADE) WITHOUT ROWID;
                INSERT INTO sample_dossier(dossier_id)
                    SELECT j.dossier_id FROM journal j JOIN dossier d ON d.id = j.dossier_id
                    WHERE j.entity = 'dossier' AND j.field = '*' AND j.origin = 'samples'
                      AND j.seq = (SELECT MAX(seq) FROM journal k WHERE k.dossier_id = j.dossier_id AND k.entity = 'dossier' AND k.field = '*');
                """)
        }
        m.registerMigration("v8-journal-anchor") { db in
            // The chain's new encoding frames every field (no U+001F can move between fields).
            // An intact chain is recomputed with it; a chain already broken is left as it is
            // (recomputing it would hide the break) and only entries after it use the new one.
            let lastSeq = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM journal") ?? 0
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('journal_hash_v2_from', ?)", arguments: [String(lastSeq + 1)])
            if try JournalChain.walk(db).firstBroken == nil {
                try JournalChain.rechain(db, encoding: .v2)
                try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'journal_hash_v2_from'")
            }
            // The chain's head is anchored in meta (count, last hash) and in each lease.
            try db.execute(sql: """
                ALTER TABLE lease ADD COLUMN checkout_head TEXT NOT NULL DEFAULT '';
                UPDATE lease SET checkout_head = COALESCE((SELECT hash FROM journal WHERE journal.seq = lease.checkout_seq), '');
                CREATE TABLE entity_base (dossier_id TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, digest BLOB NOT NULL,
                                          PRIMARY KEY (dossier_id, entity, entity_id)) WITHOUT ROWID;
                """)
            try Journal.resetAnchor(db)
            // Each dossier's data as it is now becomes the baseline `fuhe verify` checks against.
            try Baseline.recordAll(actor: "fuhe", reason: "升级：以此时的数据作为核对基线", db)
        }
        m.registerMigration("v9-cycle-summaries") { db in
            // Cross-unit views (findings, every unit's items, the dashboard, year over year) read
            // these columns and never decode a dossier's rows. Kept current by every write;
            // filled here from the JSON once; the dossier's first-level scores are filled when the
            // store opens (CycleColumns.backfill).
            try db.execute(sql: """
                ALTER TABLE finding ADD COLUMN category TEXT;
                ALTER TABLE finding ADD COLUMN severity TEXT;
                ALTER TABLE finding ADD COLUMN node_id TEXT;
                ALTER TABLE finding ADD COLUMN description TEXT;
                ALTER TABLE finding ADD COLUMN repeat_of TEXT;
                UPDATE finding SET category = json_extract(json, '$.category'), severity = json_extract(json, '$.severity'),
                    node_id = json_extract(json, '$.nodeID'), description = json_extract(json, '$.description'),
                    repeat_of = json_extract(json, '$.repeatOf');
                CREATE INDEX finding_category ON finding(category);
                ALTER TABLE rect_item ADD COLUMN measure TEXT;
                ALTER TABLE rect_item ADD COLUMN rect_type TEXT;
                ALTER TABLE rect_item ADD COLUMN resp_unit TEXT;
                ALTER TABLE rect_item ADD COLUMN resp_person TEXT;
                ALTER TABLE rect_item ADD COLUMN created_on TEXT;
                ALTER TABLE rect_item ADD COLUMN submitted_on TEXT;
                ALTER TABLE rect_item ADD COLUMN next_check_on TEXT;
                ALTER TABLE rect_item ADD COLUMN long_term_since TEXT;
                ALTER TABLE rect_item ADD COLUMN last_progress_on TEXT;
                ALTER TABLE rect_item ADD COLUMN return_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE rect_item ADD COLUMN escalation_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE rect_item ADD COLUMN last_escalation TEXT;
                UPDATE rect_item SET measure = json_extract(json, '$.measure'), rect_type = json_extract(json, '$.rectType'),
                    resp_unit = json_extract(json, '$.respUnit'), resp_person = json_extract(json, '$.respPerson'),
                    created_on = json_extract(json, '$.createdOn'), submitted_on = json_extract(json, '$.submittedOn'),
                    next_check_on = json_extract(json, '$.nextCheckOn'), long_term_since = json_extract(json, '$.longTermSince'),
                    last_progress_on = (SELECT MAX(json_extract(p.value, '$.date')) FROM json_each(rect_item.json, '$.progress') p),
                    return_count = COALESCE(json_extract(json, '$.returnCount'), 0),
                    escalation_count = COALESCE(json_array_length(json, '$.escalations'), 0),
                    last_escalation = json_extract(json, '$.escalations[#-1].kind');
                CREATE INDEX rect_item_status ON rect_item(status);
                ALTER TABLE dossier ADD COLUMN l1_scores TEXT;
                ALTER TABLE dossier ADD COLUMN application TEXT;
                UPDATE dossier SET application = json_extract(review_json, '$.application.kind');
                CREATE INDEX dossier_unit_year ON dossier(unit_id, fiscal_year);
                """)
        }
        m.registerMigration("v10-cycle-digest-indexes") { db in
            // The cross-unit views read every item's and finding's summary columns: served from
            // these covering indexes, they never walk the wide rows that hold each entity's JSON
            // (at 20,000 items that walk was most of the time it took to open the views).
            try db.execute(sql: """
                CREATE INDEX rect_item_digest ON rect_item(dossier_id, seq, id, finding_id, status, deadline, measure, rect_type,
                    resp_unit, resp_person, created_on, submitted_on, next_check_on, long_term_since, last_progress_on,
                    return_count, escalation_count, last_escalation);
                CREATE INDEX finding_digest ON finding(dossier_id, id, seq, category, severity, node_id, repeat_of, description);
                """)
        }
        m.registerMigration("v11-summary-backfill-index") { db in
            // Opening a store looks for dossiers whose first-level scores are not filled yet
            // (CycleColumns.backfill). `l1_scores` is the last column of a wide row, so without
            // this index that look walked every dossier's overflow pages: 22 ms of CPU at 20,000
            // dossiers, on every open. The index holds only the rows still to fill (none, once
            // they are filled), so the look costs nothing whatever the store's size.
            try db.execute(sql: "CREATE INDEX dossier_l1_pending ON dossier(id) WHERE l1_scores IS NULL")
        }
        m.registerMigration("v12-overdue-count-index") { db in
            // The unit list counts each shown unit's overdue items (`UnitListSQL.overdueOfRow`).
            // From the items' own wide rows that took three or four pages per unit (the first
            // window of 240 units read ~830 pages, 4.5 ms of a 2,000-store's first screen); this
            // partial index holds only the items that can be overdue, by unit, so a count is a
            // look into one small page.
            try db.execute(sql: "CREATE INDEX rect_item_overdue_of ON rect_item(dossier_id, overdue_from) WHERE overdue_from IS NOT NULL")
        }
        return m
    }
}
