package de.rathaus.infra.servicerequest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Case numbers ({@code RATHAUS_CASENUMBERPREFIX}).
 *
 * @param caseNumberPrefix the prefix of case numbers (Aktenzeichen); default {@code HN}, for
 *     Heilbronn
 */
@ConfigurationProperties("rathaus")
public record CaseNumberProperties(String caseNumberPrefix) {

  public CaseNumberProperties {
    caseNumberPrefix =
        caseNumberPrefix == null || caseNumberPrefix.isBlank() ? "HN" : caseNumberPrefix;
  }
}
