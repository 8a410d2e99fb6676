/**
 * Personal data on the application side: the port through which the erasure use case destroys a
 * citizen's key (crypto-shredding). The keys and the encryption themselves live in the
 * infrastructure.
 */
package de.rathaus.application.privacy;
