/**
 * Crypto-shredding of personal data: per-citizen AES-256-GCM keys held outside the event store
 * ({@link de.rathaus.infra.privacy.SubjectKeyStore}), and a Jackson module ({@link
 * de.rathaus.infra.privacy.PersonalDataModule}) that encrypts every {@code @PersonalData} value
 * with the key of its {@code @DataSubject} when events and read models are stored, and decrypts it,
 * or shows a placeholder once the key is destroyed, when they are read.
 */
package de.rathaus.infra.privacy;
