/**
 * Crypto-shredding of personal data: per-citizen AES-256-GCM keys held outside the event store
 * ({@link de.rathaus.infra.privacy.SubjectKeyStore}, with a tombstone for every destroyed key), and
 * a Jackson module ({@link de.rathaus.infra.privacy.PersonalDataModule}) that encrypts every
 * {@code @PersonalData} value with the key of its {@code @DataSubject}, bound to that subject and
 * to the value's field path, when events and read models are stored, and decrypts it when they are
 * read: a placeholder once its erasure is recorded, an error when its key is missing without one.
 * Before the key store opens, the engine checks the database's format marker and the key store
 * ({@link de.rathaus.infra.privacy.StoreMarker}, {@link de.rathaus.infra.privacy.KeyStoreChecks}).
 */
package de.rathaus.infra.privacy;
