-- Follow-me network server: this project's own tables, applied after Kamailio's
-- standard, auth_db, usrloc, acc and dialog create scripts.

-- SHA-256 digest needs its own HA1 (sha256(user:realm:password)); ha1b is
-- Kamailio's user@domain MD5 variant, so it cannot hold it.
ALTER TABLE subscriber ADD COLUMN ha1_sha256 VARCHAR(128) DEFAULT '' NOT NULL;

-- One row per subscriber: the E.164 follow-me number and where calls go while
-- no lobby phone holds the user's card.
CREATE TABLE follow_me (
    id INTEGER PRIMARY KEY NOT NULL,
    username VARCHAR(64) NOT NULL,
    domain VARCHAR(64) NOT NULL,
    follow_me_number VARCHAR(32) NOT NULL,
    default_destination VARCHAR(255) DEFAULT '' NOT NULL,
    CONSTRAINT follow_me_account_idx UNIQUE (username, domain),
    CONSTRAINT follow_me_number_idx UNIQUE (follow_me_number)
);

-- Per-call surcharge a lobby phone (gateway box) adds; keyed by the device id
-- the gateway sends in X-Gateway-Device.
CREATE TABLE device_surcharge (
    device_id VARCHAR(64) PRIMARY KEY NOT NULL,
    surcharge_cents INTEGER DEFAULT 0 NOT NULL,
    description VARCHAR(255) DEFAULT '' NOT NULL
);

-- acc db_extra / cdr_extra columns: who called whom, from where, who pays.
-- Nullable: acc writes NULL for a variable that is unset (e.g. a BYE outside
-- a tracked dialog), and a NOT NULL column would lose the whole row.
ALTER TABLE acc ADD COLUMN src_user VARCHAR(64);
ALTER TABLE acc ADD COLUMN dst_user VARCHAR(64);
ALTER TABLE acc ADD COLUMN src_ip VARCHAR(64);
ALTER TABLE acc ADD COLUMN billed_user VARCHAR(64);
ALTER TABLE acc ADD COLUMN device_id VARCHAR(64);
ALTER TABLE acc ADD COLUMN surcharge_cents INTEGER;

ALTER TABLE missed_calls ADD COLUMN src_user VARCHAR(64);
ALTER TABLE missed_calls ADD COLUMN dst_user VARCHAR(64);
ALTER TABLE missed_calls ADD COLUMN src_ip VARCHAR(64);
ALTER TABLE missed_calls ADD COLUMN billed_user VARCHAR(64);
ALTER TABLE missed_calls ADD COLUMN device_id VARCHAR(64);
ALTER TABLE missed_calls ADD COLUMN surcharge_cents INTEGER;

ALTER TABLE acc_cdrs ADD COLUMN callid VARCHAR(255);
ALTER TABLE acc_cdrs ADD COLUMN src_user VARCHAR(64);
ALTER TABLE acc_cdrs ADD COLUMN dst_user VARCHAR(64);
ALTER TABLE acc_cdrs ADD COLUMN billed_user VARCHAR(64);
ALTER TABLE acc_cdrs ADD COLUMN device_id VARCHAR(64);
ALTER TABLE acc_cdrs ADD COLUMN surcharge_cents INTEGER;
