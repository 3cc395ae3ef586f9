import GRDB

/// The schema, as named migrations. A shipped migration is never edited: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("Create hearing, hearingVersion and auditEvent") { db in
            try db.execute(
                sql: """
                    CREATE TABLE hearing (
                        id INTEGER PRIMARY KEY,
                        caseKey TEXT NOT NULL UNIQUE,
                        caseNumber TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'withdrawn')),
                        currentVersion INTEGER NOT NULL CHECK (currentVersion >= 1),
                        sent TEXT NOT NULL,
                        deadline TEXT NOT NULL,
                        district TEXT NOT NULL,
                        applicationType TEXT NOT NULL,
                        permitType TEXT NOT NULL,
                        applicantName TEXT NOT NULL,
                        organisationNumber TEXT NOT NULL,
                        venueName TEXT NOT NULL,
                        street TEXT NOT NULL,
                        postalCode TEXT NOT NULL,
                        postTown TEXT NOT NULL,
                        latitude REAL,
                        longitude REAL,
                        createdAt TEXT NOT NULL,
                        updatedAt TEXT NOT NULL
                    );
                    CREATE INDEX hearing_status_deadline ON hearing(status, deadline);

                    -- Every imported version of a case; the current one is (hearingId, hearing.currentVersion).
                    CREATE TABLE hearingVersion (
                        id INTEGER PRIMARY KEY,
                        hearingId INTEGER NOT NULL REFERENCES hearing(id) ON DELETE CASCADE,
                        version INTEGER NOT NULL,
                        caseNumber TEXT NOT NULL,
                        importedAt TEXT NOT NULL,
                        importedBy TEXT NOT NULL,
                        source TEXT NOT NULL,
                        -- The whole hearing as JSON (see HearingPayload).
                        payload TEXT NOT NULL,
                        UNIQUE (hearingId, version)
                    );

                    CREATE TABLE auditEvent (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        action TEXT NOT NULL,
                        entity TEXT NOT NULL,
                        entityId TEXT,
                        detail TEXT NOT NULL DEFAULT ''
                    );
                    CREATE INDEX auditEvent_entity ON auditEvent(entity, entityId, id);
                    """)
        }
        migrator.registerMigration("Create site, licensedVenue and registerImport") { db in
            try db.execute(
                sql: """
                    -- Sensitive sites, replaced per source (one file or feed) at a time.
                    CREATE TABLE site (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        category TEXT NOT NULL,
                        name TEXT NOT NULL,
                        address TEXT,
                        srid INTEGER NOT NULL,
                        x REAL NOT NULL,
                        y REAL NOT NULL,
                        latitude REAL NOT NULL,
                        longitude REAL NOT NULL
                    );
                    CREATE INDEX site_source ON site(source);

                    -- Places that hold a permit already; holderName is personal data.
                    CREATE TABLE licensedVenue (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        registerId TEXT,
                        name TEXT NOT NULL,
                        organisationNumber TEXT,
                        address TEXT,
                        permitType TEXT,
                        indoorClosing TEXT,
                        outdoorClosing TEXT,
                        holderName TEXT,
                        srid INTEGER NOT NULL,
                        x REAL NOT NULL,
                        y REAL NOT NULL,
                        latitude REAL NOT NULL,
                        longitude REAL NOT NULL
                    );
                    CREATE INDEX licensedVenue_source ON licensedVenue(source);
                    CREATE INDEX licensedVenue_organisationNumber ON licensedVenue(organisationNumber);

                    -- The last import of each register source.
                    CREATE TABLE registerImport (
                        kind TEXT NOT NULL CHECK (kind IN ('sites', 'venues', 'points', 'addresses', 'zones')),
                        source TEXT NOT NULL,
                        entries INTEGER NOT NULL,
                        importedAt TEXT NOT NULL,
                        importedBy TEXT NOT NULL,
                        PRIMARY KEY (kind, source)
                    );
                    """)
        }
        migrator.registerMigration("Create penaltyPoints") { db in
            try db.execute(
                sql: """
                    -- Næringsetaten's published penalty points; each import replaces the whole list.
                    CREATE TABLE penaltyPoints (
                        id INTEGER PRIMARY KEY,
                        date TEXT NOT NULL,
                        organisationNumber TEXT NOT NULL,
                        venueName TEXT NOT NULL,
                        address TEXT,
                        points INTEGER NOT NULL CHECK (points BETWEEN 1 AND 12),
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX penaltyPoints_organisationNumber ON penaltyPoints(organisationNumber, date);
                    """)
        }
        migrator.registerMigration("Create complaint") { db in
            try db.execute(
                sql: """
                    -- Complaints about venues, as far as assessments read them. Complainants' details
                    -- live apart (the complaint log), never here.
                    CREATE TABLE complaint (
                        id INTEGER PRIMARY KEY,
                        incidentDate TEXT NOT NULL,
                        categories TEXT NOT NULL,
                        venueName TEXT,
                        organisationNumber TEXT,
                        street TEXT,
                        streetKey TEXT,
                        latitude REAL,
                        longitude REAL,
                        unfounded INTEGER NOT NULL DEFAULT 0,
                        episodeId INTEGER REFERENCES complaint(id)
                    );
                    CREATE INDEX complaint_organisationNumber ON complaint(organisationNumber);
                    CREATE INDEX complaint_streetKey ON complaint(streetKey);
                    """)
        }
        migrator.registerMigration("Create address") { db in
            try db.execute(
                sql: """
                    -- A local copy of Kartverket's address register, for positions of hearings without one.
                    CREATE TABLE address (
                        id INTEGER PRIMARY KEY,
                        streetName TEXT NOT NULL,
                        nameKey TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        letter TEXT NOT NULL DEFAULT '',
                        postalCode TEXT NOT NULL,
                        srid INTEGER NOT NULL,
                        x REAL NOT NULL,
                        y REAL NOT NULL
                    );
                    CREATE INDEX address_lookup ON address(nameKey, number, letter, postalCode);
                    """)
        }
        migrator.registerMigration("Create zoneArea") { db in
            try db.execute(
                sql: """
                    -- Areas of the opening-hours regulation; rings as JSON [[[lat, lon], ...], ...].
                    CREATE TABLE zoneArea (
                        id INTEGER PRIMARY KEY,
                        zone TEXT NOT NULL,
                        name TEXT,
                        rings TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("Extend complaint into the complaint log") { db in
            try db.execute(
                sql: """
                    -- The complaint log: the whole record staff follow up. The assessment still reads
                    -- only the columns of "Create complaint" (plus unfounded, kept in step with closingReason).
                    ALTER TABLE complaint ADD COLUMN receivedAt TEXT;
                    ALTER TABLE complaint ADD COLUMN incidentTime TEXT;
                    ALTER TABLE complaint ADD COLUMN incidentEnd TEXT;
                    ALTER TABLE complaint ADD COLUMN incidentText TEXT;
                    ALTER TABLE complaint ADD COLUMN postalCode TEXT;
                    ALTER TABLE complaint ADD COLUMN description TEXT;
                    ALTER TABLE complaint ADD COLUMN source TEXT NOT NULL DEFAULT 'resident'
                        CHECK (source IN ('resident', 'school', 'police', 'staff', 'otherAgency'));
                    ALTER TABLE complaint ADD COLUMN officer TEXT NOT NULL DEFAULT '';
                    ALTER TABLE complaint ADD COLUMN status TEXT NOT NULL DEFAULT 'received'
                        CHECK (status IN ('received', 'inFollowUp', 'forwarded', 'closed'));
                    ALTER TABLE complaint ADD COLUMN closingReason TEXT
                        CHECK (closingReason IN ('resolved', 'unfounded', 'notOurArea', 'noContact'));
                    ALTER TABLE complaint ADD COLUMN nextDue TEXT;
                    ALTER TABLE complaint ADD COLUMN purgedAt TEXT;
                    ALTER TABLE complaint ADD COLUMN externalSource TEXT;
                    ALTER TABLE complaint ADD COLUMN externalReference TEXT;
                    UPDATE complaint SET receivedAt = incidentDate || 'T12:00:00.000Z';
                    UPDATE complaint SET status = 'closed', closingReason = 'unfounded' WHERE unfounded = 1;
                    CREATE INDEX complaint_status_due ON complaint(status, nextDue);
                    CREATE INDEX complaint_officer ON complaint(officer);
                    CREATE INDEX complaint_episode ON complaint(episodeId);
                    CREATE INDEX complaint_receivedAt ON complaint(receivedAt);
                    CREATE UNIQUE INDEX complaint_external ON complaint(externalSource, externalReference)
                        WHERE externalReference IS NOT NULL;

                    -- The complainant's contact details: personal data, apart from the complaint so that
                    -- every read of them is deliberate, and deleted by the retention purge.
                    CREATE TABLE complainant (
                        complaintId INTEGER PRIMARY KEY REFERENCES complaint(id) ON DELETE CASCADE,
                        name TEXT,
                        phone TEXT,
                        email TEXT,
                        address TEXT
                    );

                    -- The follow-up trail: what was done, by whom, when, and when the next step is due.
                    CREATE TABLE complaintStep (
                        id INTEGER PRIMARY KEY,
                        complaintId INTEGER NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,
                        action TEXT NOT NULL,
                        note TEXT,
                        actor TEXT NOT NULL,
                        at TEXT NOT NULL,
                        nextDue TEXT,
                        closingReason TEXT
                    );
                    CREATE INDEX complaintStep_complaint ON complaintStep(complaintId, id);
                    """)
        }
        migrator.registerMigration("Create statementDraft and statementReview") { db in
            try db.execute(
                sql: """
                    -- Every version of a case's statement: the text (Markdown), what it was written from
                    -- (case version, assessment digest), who wrote it and when.
                    CREATE TABLE statementDraft (
                        id INTEGER PRIMARY KEY,
                        caseKey TEXT NOT NULL REFERENCES hearing(caseKey) ON DELETE CASCADE,
                        version INTEGER NOT NULL CHECK (version >= 1),
                        origin TEXT NOT NULL CHECK (origin IN ('generated', 'edited')),
                        markdown TEXT NOT NULL,
                        mapSVG TEXT,
                        outcome TEXT NOT NULL,
                        routeKind TEXT NOT NULL CHECK (routeKind IN ('delegated', 'council')),
                        signatory TEXT,
                        body TEXT,
                        meetingDate TEXT,
                        itemNumber TEXT,
                        hearingVersion INTEGER NOT NULL,
                        assessmentDigest TEXT NOT NULL,
                        author TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        UNIQUE (caseKey, version)
                    );

                    -- Where each case's statement stands in the review.
                    CREATE TABLE statementReview (
                        caseKey TEXT PRIMARY KEY REFERENCES hearing(caseKey) ON DELETE CASCADE,
                        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'sent')),
                        routeKind TEXT CHECK (routeKind IN ('delegated', 'council')),
                        signatory TEXT,
                        body TEXT,
                        meetingDate TEXT,
                        itemNumber TEXT,
                        approvedAt TEXT,
                        sentDate TEXT,
                        comment TEXT,
                        updatedAt TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("Create webUser and webSession") { db in
            try db.execute(
                sql: """
                    -- Users of the web application, with bcrypt password hashes.
                    CREATE TABLE webUser (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        role TEXT NOT NULL CHECK (role IN ('caseworker', 'complaintOfficer', 'councilMember', 'admin')),
                        passwordHash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        createdAt TEXT NOT NULL
                    );

                    -- Signed-in sessions, by the SHA-256 of their token; ended sessions are deleted.
                    CREATE TABLE webSession (
                        tokenHash TEXT PRIMARY KEY,
                        userId INTEGER NOT NULL REFERENCES webUser(id) ON DELETE CASCADE,
                        csrfToken TEXT NOT NULL,
                        expiresAt TEXT NOT NULL
                    );
                    CREATE INDEX webSession_expiresAt ON webSession(expiresAt);
                    """)
        }
        migrator.registerMigration("Create complaintDuplicate, complaintReply and apiKey") { db in
            try db.execute(
                sql: """
                    -- A new complaint flagged as likely the same episode as an open one; the officer links
                    -- or rejects it.
                    CREATE TABLE complaintDuplicate (
                        complaintId INTEGER NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,
                        episodeId INTEGER NOT NULL,
                        matchedId INTEGER NOT NULL,
                        distance REAL,
                        sameVenue INTEGER NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'linked', 'rejected')),
                        decidedBy TEXT,
                        decidedAt TEXT,
                        PRIMARY KEY (complaintId, episodeId)
                    );
                    CREATE INDEX complaintDuplicate_episode ON complaintDuplicate(episodeId, state);

                    -- Answers to complainants (receipt, closing), as sent; never another person's data.
                    CREATE TABLE complaintReply (
                        id INTEGER PRIMARY KEY,
                        complaintId INTEGER NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'closing')),
                        text TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL
                    );
                    CREATE INDEX complaintReply_complaint ON complaintReply(complaintId, id);

                    -- Keys of other systems (Open311 clients), by the SHA-256 of the key.
                    CREATE TABLE apiKey (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        keyHash TEXT NOT NULL UNIQUE,
                        createdAt TEXT NOT NULL,
                        revokedAt TEXT
                    );
                    """)
        }
        migrator.registerMigration("Add openingHours to site") { db in
            try db.execute(
                sql: """
                    -- Åpningstid as WeeklyHours' canonical text (`man-fre 07:00-17:00`); NULL when unknown.
                    ALTER TABLE site ADD COLUMN openingHours TEXT;
                    """)
        }
        migrator.registerMigration("Add profile to webUser") { db in
            try db.execute(
                sql: """
                    -- How a statement names the officer: full name, title, phone and e-mail (never the login).
                    ALTER TABLE webUser ADD COLUMN fullName TEXT;
                    ALTER TABLE webUser ADD COLUMN title TEXT;
                    ALTER TABLE webUser ADD COLUMN phone TEXT;
                    ALTER TABLE webUser ADD COLUMN email TEXT;
                    """)
        }
        migrator.registerMigration("Allow the role manager in webUser") { db in
            // SQLite cannot change a CHECK constraint: the table is rebuilt with its rows and ids
            // (sessions keep pointing at them; GRDB defers foreign-key checks during a migration).
            try db.execute(
                sql: """
                    CREATE TABLE webUser_new (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        role TEXT NOT NULL
                            CHECK (role IN ('caseworker', 'complaintOfficer', 'councilMember', 'admin', 'manager')),
                        passwordHash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        createdAt TEXT NOT NULL,
                        fullName TEXT,
                        title TEXT,
                        phone TEXT,
                        email TEXT
                    );
                    INSERT INTO webUser_new (id, name, role, passwordHash, disabled, createdAt, fullName, title, phone, email)
                        SELECT id, name, role, passwordHash, disabled, createdAt, fullName, title, phone, email FROM webUser;
                    DROP TABLE webUser;
                    ALTER TABLE webUser_new RENAME TO webUser;
                    """)
        }
        migrator.registerMigration("Create rateEvent") { db in
            try db.execute(
                sql: """
                    -- Sign-in attempts and Open311 requests by key (user, address, API key), for the
                    -- limits every server process shares; old events are dropped as keys are counted.
                    CREATE TABLE rateEvent (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL,
                        at TEXT NOT NULL
                    );
                    CREATE INDEX rateEvent_key_at ON rateEvent(key, at);
                    CREATE INDEX rateEvent_at ON rateEvent(at);
                    """)
        }
        migrator.registerMigration("Add district to webUser") { db in
            try db.execute(
                sql: """
                    -- The district a user works for, as hearings name it ("St. Hanshaugen"); NULL for
                    -- a deployment for one district.
                    ALTER TABLE webUser ADD COLUMN district TEXT;
                    """)
        }
        migrator.registerMigration("Add district to complaint and apiKey") { db in
            try db.execute(
                sql: """
                    -- The district whose complaint log a complaint is in, and the district an Open311
                    -- client reports to; NULL for a deployment for one district.
                    ALTER TABLE complaint ADD COLUMN district TEXT;
                    CREATE INDEX complaint_district ON complaint(district, receivedAt);
                    ALTER TABLE apiKey ADD COLUMN district TEXT;
                    """)
        }
        migrator.registerMigration("Create meeting and meetingItem") { db in
            try db.execute(
                sql: """
                    -- Meetings of the council (BU) or a committee, and their numbered items: a submitted
                    -- statement on the agenda, with the body's decision once the secretary records it.
                    CREATE TABLE meeting (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        district TEXT,
                        body TEXT NOT NULL,
                        date TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL
                    );
                    CREATE INDEX meeting_district_date ON meeting(district, date);
                    CREATE TABLE meetingItem (
                        meetingId INTEGER NOT NULL REFERENCES meeting(id),
                        number TEXT NOT NULL,
                        -- The body's running number in the meeting's year, per district ('' for none).
                        numbering TEXT NOT NULL,
                        year INTEGER NOT NULL,
                        sequence INTEGER NOT NULL,
                        caseKey TEXT NOT NULL REFERENCES hearing(caseKey),
                        outcome TEXT CHECK (outcome IN ('adopted', 'amended', 'returned')),
                        note TEXT,
                        recordedAt TEXT,
                        recordedBy TEXT,
                        PRIMARY KEY (meetingId, number)
                    );
                    CREATE UNIQUE INDEX meetingItem_numbering ON meetingItem(numbering, year, sequence);
                    -- A statement is on one agenda at a time until the body has decided it.
                    CREATE UNIQUE INDEX meetingItem_pending ON meetingItem(caseKey) WHERE outcome IS NULL;
                    """)
        }
        migrator.registerMigration("Create caseLetter") { db in
            try db.execute(
                sql: """
                    -- Letters stored with a case besides its statement (a request for a later deadline).
                    CREATE TABLE caseLetter (
                        caseKey TEXT NOT NULL REFERENCES hearing(caseKey),
                        number INTEGER NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('deadlineRequest')),
                        markdown TEXT NOT NULL,
                        requestedDeadline TEXT,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL,
                        PRIMARY KEY (caseKey, number)
                    );
                    """)
        }
        migrator.registerMigration("Create agencyDecision") { db in
            try db.execute(
                sql: """
                    -- Næringsetaten's final decision per case; conditions as a JSON array of text.
                    CREATE TABLE agencyDecision (
                        caseKey TEXT PRIMARY KEY REFERENCES hearing(caseKey),
                        outcome TEXT NOT NULL CHECK (outcome IN ('granted', 'grantedWithConditions', 'refused')),
                        date TEXT NOT NULL,
                        conditions TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        recordedBy TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("Create reminder") { db in
            try db.execute(
                sql: """
                    -- The morning list's e-mail reminders: one per user and day (issue 18, item 4).
                    CREATE TABLE reminder (
                        user TEXT NOT NULL,
                        day TEXT NOT NULL,
                        sentAt TEXT NOT NULL,
                        PRIMARY KEY (user, day)
                    );
                    """)
        }
        migrator.registerMigration("Add riskLevel to hearing") { db in
            try db.execute(
                sql: """
                    -- The desk's risk level (issue 19): the level last assessed, and from which version.
                    ALTER TABLE hearing ADD COLUMN riskLevel TEXT CHECK (riskLevel IN ('lav', 'middels', 'høy'));
                    ALTER TABLE hearing ADD COLUMN riskVersion INTEGER;
                    """)
        }
        migrator.registerMigration("Create road") { db in
            try db.execute(
                sql: """
                    -- The road register for the statement's map; lines as JSON [[[lat, lon], ...], ...] and
                    -- each road's bounding box, so a map reads only the roads that meet its frame.
                    CREATE TABLE road (
                        id INTEGER PRIMARY KEY,
                        name TEXT,
                        south REAL NOT NULL,
                        west REAL NOT NULL,
                        north REAL NOT NULL,
                        east REAL NOT NULL,
                        lines TEXT NOT NULL
                    );
                    CREATE INDEX road_bounds ON road(south, north, west, east);

                    -- registerImport's kinds with roads: SQLite cannot change a CHECK, so the table is copied.
                    CREATE TABLE registerImport_new (
                        kind TEXT NOT NULL
                            CHECK (kind IN ('sites', 'venues', 'points', 'addresses', 'zones', 'roads')),
                        source TEXT NOT NULL,
                        entries INTEGER NOT NULL,
                        importedAt TEXT NOT NULL,
                        importedBy TEXT NOT NULL,
                        PRIMARY KEY (kind, source)
                    );
                    INSERT INTO registerImport_new SELECT kind, source, entries, importedAt, importedBy
                        FROM registerImport;
                    DROP TABLE registerImport;
                    ALTER TABLE registerImport_new RENAME TO registerImport;
                    """)
        }
        return migrator
    }
}
