/**
 * Data protection: the record of erasures of a citizen's personal data (DSGVO Art. 17), whether
 * asked for or due to the end of a retention period.
 */
package de.rathaus.domain.privacy;
