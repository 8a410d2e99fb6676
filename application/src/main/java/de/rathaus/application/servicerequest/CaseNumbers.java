package de.rathaus.application.servicerequest;

import de.rathaus.domain.shared.CaseNumber;

/**
 * Hands out case numbers (Aktenzeichen) per year, one after another: without gaps in normal
 * operation (a number is lost only if a submission fails after taking it).
 */
public interface CaseNumbers {

  CaseNumber next(int year);
}
