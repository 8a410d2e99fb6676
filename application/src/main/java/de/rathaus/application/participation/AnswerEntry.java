package de.rathaus.application.participation;

import de.rathaus.domain.participation.AnswerStatus;
import java.time.Instant;

/**
 * One dated entry of the city's answers to a proposal, as the public reads it.
 *
 * @param reasoning the city's reasons (public)
 * @param at when the city gave it
 */
public record AnswerEntry(AnswerStatus status, String reasoning, Instant at) {}
