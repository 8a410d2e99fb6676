package de.rathaus.application.statistics;

import java.math.BigDecimal;

/**
 * Participation in one scope (all consultations, one action field, one sustainability goal), as
 * published ({@code null} = withheld, see {@link Disclosure}). Counts the consultations that have
 * opened and what is in them. Consultations and feedback items are the city's and never withheld.
 *
 * @param key the action field's code, the goal's number, or {@code null} for all
 * @param consultations consultations opened
 * @param proposals citizens' proposals (hidden ones too)
 * @param feedbackItems items the city put up for rating
 * @param supports supports standing now
 * @param comments comments and replies posted (hidden ones too)
 * @param answeredShare the share of proposals the city has answered
 * @param answeredInTimeShare of the proposals whose answer deadline runs or ran, the share answered
 *     by it (judged by the first answer)
 * @param ratings ratings of feedback items (one per citizen and item)
 * @param averageRating their average stars (1–5)
 */
public record ParticipationFigures(
    String key,
    int consultations,
    Integer proposals,
    int feedbackItems,
    Integer supports,
    Integer comments,
    BigDecimal answeredShare,
    BigDecimal answeredInTimeShare,
    Integer ratings,
    BigDecimal averageRating) {}
