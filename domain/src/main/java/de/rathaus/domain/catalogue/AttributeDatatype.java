package de.rathaus.domain.catalogue;

/** The kind of answer a form field of a service expects from the citizen (as in Open311). */
public enum AttributeDatatype {
  /** A short line of text, at most 1,000 characters. */
  STRING,
  /** A number, such as a weight or a count. */
  NUMBER,
  /** A date or a date and time, written in ISO-8601. */
  DATETIME,
  /** A longer free text, at most 10,000 characters. */
  TEXT,
  /** Exactly one choice out of a list of allowed values. */
  SINGLEVALUELIST,
  /** Any number of choices out of a list of allowed values. */
  MULTIVALUELIST;

  /** Whether answers are choices from the attribute's allowed values. */
  public boolean offersChoices() {
    return this == SINGLEVALUELIST || this == MULTIVALUELIST;
  }
}
