/** Data protection over HTTP: a citizen's own data, and erasure by the data protection admin. */
package de.rathaus.api.privacy;
