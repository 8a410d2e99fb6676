package de.rathaus.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command whose sender must not be recorded: what it says about them is a political opinion
 * (who supported or rated what, DSGVO Art. 9). It names its sender only by a keyed pseudonym, and
 * neither the command's nor its events' metadata carry the sender's account id (only their role).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Pseudonymous {}
