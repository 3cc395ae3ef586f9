import Logging
import PostgresNIO

/// The PostgreSQL schema, as named migrations run in order at start, each in its own transaction
/// and recorded in `skjenk_migration`. A shipped migration is never edited: add a new one. Types
/// are PostgreSQL's own: `timestamptz` for moments, `date` for Oslo days, `boolean`, `text[]` for
/// sets, identity columns and unique constraints instead of `MAX()+1`.
enum PostgresMigrations {
    static let all: [(name: String, sql: String)] = [
        (
            "Create hearings, versions and the audit trail",
            """
            CREATE TABLE hearing (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                case_key text NOT NULL UNIQUE,
                case_number text NOT NULL,
                status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'withdrawn')),
                current_version integer NOT NULL CHECK (current_version >= 1),
                sent date NOT NULL,
                deadline date NOT NULL,
                district text NOT NULL,
                application_type text NOT NULL,
                permit_type text NOT NULL,
                applicant_name text NOT NULL,
                organisation_number text NOT NULL,
                venue_name text NOT NULL,
                street text NOT NULL,
                postal_code text NOT NULL,
                post_town text NOT NULL,
                latitude double precision,
                longitude double precision,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE INDEX hearing_status_deadline ON hearing (status, deadline);

            CREATE TABLE hearing_version (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                hearing_id bigint NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
                version integer NOT NULL,
                case_number text NOT NULL,
                imported_at timestamptz NOT NULL,
                imported_by text NOT NULL,
                source text NOT NULL,
                -- The whole hearing as JSON text (HearingPayload), byte for byte as SQLite keeps it.
                payload text NOT NULL,
                UNIQUE (hearing_id, version)
            );

            CREATE TABLE audit_event (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                channel text NOT NULL,
                action text NOT NULL,
                entity text NOT NULL,
                entity_id text,
                detail text NOT NULL DEFAULT ''
            );
            CREATE INDEX audit_event_entity ON audit_event (entity, entity_id, id);
            CREATE INDEX audit_event_at ON audit_event (at);
            """
        ),
        (
            "Create the registers",
            """
            CREATE TABLE site (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source text NOT NULL,
                category text NOT NULL,
                name text NOT NULL,
                address text,
                srid integer NOT NULL,
                x double precision NOT NULL,
                y double precision NOT NULL,
                latitude double precision NOT NULL,
                longitude double precision NOT NULL,
                opening_hours text
            );
            CREATE INDEX site_source ON site (source);

            -- Places that hold a permit already; holder_name is personal data.
            CREATE TABLE licensed_venue (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source text NOT NULL,
                register_id text,
                name text NOT NULL,
                organisation_number text,
                address text,
                permit_type text,
                indoor_closing text,
                outdoor_closing text,
                holder_name text,
                srid integer NOT NULL,
                x double precision NOT NULL,
                y double precision NOT NULL,
                latitude double precision NOT NULL,
                longitude double precision NOT NULL
            );
            CREATE INDEX licensed_venue_source ON licensed_venue (source);
            CREATE INDEX licensed_venue_organisation_number ON licensed_venue (organisation_number);

            CREATE TABLE register_import (
                kind text NOT NULL CHECK (kind IN ('sites', 'venues', 'points', 'addresses', 'zones')),
                source text NOT NULL,
                entries integer NOT NULL,
                imported_at timestamptz NOT NULL,
                imported_by text NOT NULL,
                PRIMARY KEY (kind, source)
            );

            CREATE TABLE penalty_points (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                date date NOT NULL,
                organisation_number text NOT NULL,
                venue_name text NOT NULL,
                address text,
                points integer NOT NULL CHECK (points BETWEEN 1 AND 12),
                reason text NOT NULL
            );
            CREATE INDEX penalty_points_organisation_number ON penalty_points (organisation_number, date);

            CREATE TABLE address (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                street_name text NOT NULL,
                name_key text NOT NULL,
                number integer NOT NULL,
                letter text NOT NULL DEFAULT '',
                postal_code text NOT NULL,
                srid integer NOT NULL,
                x double precision NOT NULL,
                y double precision NOT NULL
            );
            CREATE INDEX address_lookup ON address (name_key, number, letter, postal_code);

            CREATE TABLE zone_area (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                zone text NOT NULL,
                name text,
                -- The polygon's rings as the JSON text ZoneArea is coded as.
                rings text NOT NULL
            );
            """
        ),
        (
            "Create the complaint log",
            """
            CREATE TABLE complaint (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                received_at timestamptz NOT NULL,
                incident_date date NOT NULL,
                incident_time text,
                incident_end text,
                incident_text text,
                categories text[] NOT NULL,
                venue_name text,
                organisation_number text,
                street text,
                street_key text,
                postal_code text,
                latitude double precision,
                longitude double precision,
                description text,
                source text NOT NULL DEFAULT 'resident'
                    CHECK (source IN ('resident', 'school', 'police', 'staff', 'otherAgency')),
                officer text NOT NULL DEFAULT '',
                status text NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'inFollowUp', 'forwarded', 'closed')),
                closing_reason text CHECK (closing_reason IN ('resolved', 'unfounded', 'notOurArea', 'noContact')),
                unfounded boolean NOT NULL DEFAULT false,
                next_due date,
                episode_id bigint REFERENCES complaint (id),
                purged_at timestamptz,
                external_source text,
                external_reference text
            );
            CREATE INDEX complaint_organisation_number ON complaint (organisation_number);
            CREATE INDEX complaint_street_key ON complaint (street_key);
            CREATE INDEX complaint_status_due ON complaint (status, next_due);
            CREATE INDEX complaint_officer ON complaint (officer);
            CREATE INDEX complaint_episode ON complaint (episode_id);
            CREATE INDEX complaint_received_at ON complaint (received_at);
            CREATE UNIQUE INDEX complaint_external ON complaint (external_source, external_reference)
                WHERE external_reference IS NOT NULL;

            -- The complainant's contact details: personal data, apart from the complaint, read on purpose.
            CREATE TABLE complainant (
                complaint_id bigint PRIMARY KEY REFERENCES complaint (id) ON DELETE CASCADE,
                name text,
                phone text,
                email text,
                address text
            );

            CREATE TABLE complaint_step (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                complaint_id bigint NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
                action text NOT NULL,
                note text,
                actor text NOT NULL,
                at timestamptz NOT NULL,
                next_due date,
                closing_reason text
            );
            CREATE INDEX complaint_step_complaint ON complaint_step (complaint_id, id);

            CREATE TABLE complaint_duplicate (
                complaint_id bigint NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
                episode_id bigint NOT NULL,
                matched_id bigint NOT NULL,
                distance double precision,
                same_venue boolean NOT NULL,
                state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'linked', 'rejected')),
                decided_by text,
                decided_at timestamptz,
                PRIMARY KEY (complaint_id, episode_id)
            );
            CREATE INDEX complaint_duplicate_episode ON complaint_duplicate (episode_id, state);

            CREATE TABLE complaint_reply (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                complaint_id bigint NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
                kind text NOT NULL CHECK (kind IN ('receipt', 'closing')),
                text text NOT NULL,
                created_at timestamptz NOT NULL,
                created_by text NOT NULL
            );
            CREATE INDEX complaint_reply_complaint ON complaint_reply (complaint_id, id);
            """
        ),
        (
            "Create statements, users, sessions and keys",
            """
            CREATE TABLE statement_draft (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                case_key text NOT NULL REFERENCES hearing (case_key) ON DELETE CASCADE,
                version integer NOT NULL CHECK (version >= 1),
                origin text NOT NULL CHECK (origin IN ('generated', 'edited')),
                markdown text NOT NULL,
                map_svg text,
                outcome text NOT NULL,
                route_kind text NOT NULL CHECK (route_kind IN ('delegated', 'council')),
                signatory text,
                body text,
                meeting_date date,
                item_number text,
                hearing_version integer NOT NULL,
                assessment_digest text NOT NULL,
                author text NOT NULL,
                created_at timestamptz NOT NULL,
                UNIQUE (case_key, version)
            );

            CREATE TABLE statement_review (
                case_key text PRIMARY KEY REFERENCES hearing (case_key) ON DELETE CASCADE,
                state text NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'sent')),
                route_kind text CHECK (route_kind IN ('delegated', 'council')),
                signatory text,
                body text,
                meeting_date date,
                item_number text,
                approved_at timestamptz,
                sent_date date,
                comment text,
                updated_at timestamptz NOT NULL
            );

            CREATE TABLE web_user (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                role text NOT NULL
                    CHECK (role IN ('caseworker', 'complaintOfficer', 'councilMember', 'admin', 'manager')),
                password_hash text NOT NULL,
                disabled boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL,
                full_name text,
                title text,
                phone text,
                email text
            );
            -- Names are unique ignoring the case of ASCII letters, as SQLite's NOCASE.
            CREATE UNIQUE INDEX web_user_name ON web_user (lower(name COLLATE "C"));

            CREATE TABLE web_session (
                token_hash text PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES web_user (id) ON DELETE CASCADE,
                csrf_token text NOT NULL,
                expires_at timestamptz NOT NULL
            );
            CREATE INDEX web_session_expires_at ON web_session (expires_at);
            CREATE INDEX web_session_user ON web_session (user_id);

            CREATE TABLE api_key (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                key_hash text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL,
                revoked_at timestamptz
            );
            CREATE UNIQUE INDEX api_key_name ON api_key (lower(name COLLATE "C"));
            """
        ),
        (
            "Create skjenk_contains",
            """
            -- Whether text contains part ignoring case in every alphabet (ICU's case mapping; the
            -- database's own locale may fold ASCII only; Debian's and most builds have ICU), composed
            -- and decomposed letters alike, with % and _ taken literally: SQLite's skjenkContains.
            CREATE FUNCTION skjenk_contains(text, text) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $body$ SELECT $2 = '' OR strpos(normalize(lower($1 COLLATE "und-x-icu"), NFC),
                    normalize(lower($2 COLLATE "und-x-icu"), NFC)) > 0 $body$
            """
        ),
        (
            "Create rate_event",
            """
            -- Sign-in attempts and Open311 requests by key (user, address, API key), for the limits
            -- every server process shares; old events are dropped as keys are counted.
            CREATE TABLE rate_event (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                key text NOT NULL,
                at timestamptz NOT NULL
            );
            CREATE INDEX rate_event_key_at ON rate_event (key, at);
            CREATE INDEX rate_event_at ON rate_event (at)
            """
        ),
        (
            "Add district to web_user",
            """
            -- The district a user works for, as hearings name it ("St. Hanshaugen"); NULL for a
            -- deployment for one district.
            ALTER TABLE web_user ADD COLUMN district text
            """
        ),
        (
            "Add district to complaint and api_key",
            """
            -- The district whose complaint log a complaint is in, and the district an Open311 client
            -- reports to; NULL for a deployment for one district.
            ALTER TABLE complaint ADD COLUMN district text;
            CREATE INDEX complaint_district ON complaint (district, received_at);
            ALTER TABLE api_key ADD COLUMN district text
            """
        ),
        (
            "Create meeting and meeting_item",
            """
            -- Meetings of the council (BU) or a committee, and their numbered items: a submitted statement
            -- on the agenda, with the body's decision once the secretary records it.
            CREATE TABLE meeting (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                district text,
                body text NOT NULL,
                date date NOT NULL,
                created_at timestamptz NOT NULL,
                created_by text NOT NULL
            );
            CREATE INDEX meeting_district_date ON meeting (district, date);
            CREATE TABLE meeting_item (
                meeting_id bigint NOT NULL REFERENCES meeting (id),
                number text NOT NULL,
                -- The body's running number in the meeting's year, per district ('' for none).
                numbering text NOT NULL,
                year integer NOT NULL,
                sequence integer NOT NULL,
                case_key text NOT NULL REFERENCES hearing (case_key),
                outcome text CHECK (outcome IN ('adopted', 'amended', 'returned')),
                note text,
                recorded_at timestamptz,
                recorded_by text,
                PRIMARY KEY (meeting_id, number)
            );
            CREATE UNIQUE INDEX meeting_item_numbering ON meeting_item (numbering, year, sequence);
            -- A statement is on one agenda at a time until the body has decided it.
            CREATE UNIQUE INDEX meeting_item_pending ON meeting_item (case_key) WHERE outcome IS NULL
            """
        ),
        (
            "Create case_letter",
            """
            -- Letters stored with a case besides its statement (a request for a later deadline).
            CREATE TABLE case_letter (
                case_key text NOT NULL REFERENCES hearing (case_key),
                number integer NOT NULL,
                kind text NOT NULL CHECK (kind IN ('deadlineRequest')),
                markdown text NOT NULL,
                requested_deadline date,
                created_at timestamptz NOT NULL,
                created_by text NOT NULL,
                PRIMARY KEY (case_key, number)
            )
            """
        ),
        (
            "Create agency_decision",
            """
            -- Næringsetaten's final decision per case.
            CREATE TABLE agency_decision (
                case_key text PRIMARY KEY REFERENCES hearing (case_key),
                outcome text NOT NULL CHECK (outcome IN ('granted', 'grantedWithConditions', 'refused')),
                date date NOT NULL,
                conditions text[] NOT NULL,
                recorded_at timestamptz NOT NULL,
                recorded_by text NOT NULL
            )
            """
        ),
        (
            "Create reminder",
            """
            -- The morning list's e-mail reminders: one per user and day (issue 18, item 4).
            CREATE TABLE reminder (
                user_name text NOT NULL,
                day date NOT NULL,
                sent_at timestamptz NOT NULL,
                PRIMARY KEY (user_name, day)
            )
            """
        ),
        (
            "Add risk_level to hearing",
            """
            -- The desk's risk level (issue 19): the level last assessed, and from which version.
            ALTER TABLE hearing ADD COLUMN risk_level text CHECK (risk_level IN ('lav', 'middels', 'høy'));
            ALTER TABLE hearing ADD COLUMN risk_version integer
            """
        ),
        (
            "Create road",
            """
            -- The road register for the statement's map; lines as JSON [[[lat, lon], ...], ...] and each
            -- road's bounding box, indexed as a box so a map reads only the roads that meet its frame.
            CREATE TABLE road (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text,
                south double precision NOT NULL,
                west double precision NOT NULL,
                north double precision NOT NULL,
                east double precision NOT NULL,
                lines text NOT NULL
            );
            CREATE INDEX road_bounds ON road USING gist (box(point(west, south), point(east, north)));
            ALTER TABLE register_import DROP CONSTRAINT register_import_kind_check;
            ALTER TABLE register_import ADD CONSTRAINT register_import_kind_check
                CHECK (kind IN ('sites', 'venues', 'points', 'addresses', 'zones', 'roads'))
            """
        ),
    ]

    /// Runs the migrations not yet recorded, in order, under an advisory lock so that several
    /// processes starting at once migrate once.
    /// `schema` (already checked to be letters, digits and `_`) is created first when missing.
    static func migrate(_ client: PostgresClient, schema: String?, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(47112026)", logger: logger)
            if let schema {
                var exists = false
                for try await _ in try await connection.query(
                    "SELECT 1 FROM pg_namespace WHERE nspname = \(schema)", logger: logger
                ).decode(Int32.self) {
                    exists = true
                }
                if !exists {
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \"\(schema)\""), logger: logger)
                }
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS skjenk_migration (
                    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM skjenk_migration", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            for migration in all where !applied.contains(migration.name) {
                for statement in statements(migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO skjenk_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }

    /// The statements of a migration's text: split at a `;` that ends a line (the schema's
    /// comments and strings hold none).
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty && !$0.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") } }
    }
}
