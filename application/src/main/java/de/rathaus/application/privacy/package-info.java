/**
 * Personal data on the application side: erasure by crypto-shredding (recorded first, then the key
 * destroyed through the {@link de.rathaus.application.privacy.PersonalDataKeys} port), the
 * citizen's export, the retention watch, the read model of the citizens who hold personal data
 * ({@code privacy-subjects}), and the errors of a value that cannot be read: a key missing without
 * a recorded erasure, or a value that does not belong where it is stored. The keys and the
 * encryption themselves live in the infrastructure.
 */
package de.rathaus.application.privacy;
