package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import java.util.Arrays;
import java.util.Optional;

/**
 * One of the 17 Sustainable Development Goals of the United Nations' 2030 Agenda, which the city's
 * digital offer is to help reach. A consultation names the goals it contributes to by their number.
 * The list is fixed by the UN, so it is a value of the domain and not reference data an
 * administrator edits; the names are the official short titles in German and English.
 */
public enum SustainabilityGoal {
  NO_POVERTY("Keine Armut", "No Poverty"),
  ZERO_HUNGER("Kein Hunger", "Zero Hunger"),
  GOOD_HEALTH_AND_WELL_BEING("Gesundheit und Wohlergehen", "Good Health and Well-being"),
  QUALITY_EDUCATION("Hochwertige Bildung", "Quality Education"),
  GENDER_EQUALITY("Geschlechtergleichheit", "Gender Equality"),
  CLEAN_WATER_AND_SANITATION(
      "Sauberes Wasser und Sanitäreinrichtungen", "Clean Water and Sanitation"),
  AFFORDABLE_AND_CLEAN_ENERGY("Bezahlbare und saubere Energie", "Affordable and Clean Energy"),
  DECENT_WORK_AND_ECONOMIC_GROWTH(
      "Menschenwürdige Arbeit und Wirtschaftswachstum", "Decent Work and Economic Growth"),
  INDUSTRY_INNOVATION_AND_INFRASTRUCTURE(
      "Industrie, Innovation und Infrastruktur", "Industry, Innovation and Infrastructure"),
  REDUCED_INEQUALITIES("Weniger Ungleichheiten", "Reduced Inequalities"),
  SUSTAINABLE_CITIES_AND_COMMUNITIES(
      "Nachhaltige Städte und Gemeinden", "Sustainable Cities and Communities"),
  RESPONSIBLE_CONSUMPTION_AND_PRODUCTION(
      "Nachhaltige/r Konsum und Produktion", "Responsible Consumption and Production"),
  CLIMATE_ACTION("Maßnahmen zum Klimaschutz", "Climate Action"),
  LIFE_BELOW_WATER("Leben unter Wasser", "Life Below Water"),
  LIFE_ON_LAND("Leben an Land", "Life on Land"),
  PEACE_JUSTICE_AND_STRONG_INSTITUTIONS(
      "Frieden, Gerechtigkeit und starke Institutionen", "Peace, Justice and Strong Institutions"),
  PARTNERSHIPS_FOR_THE_GOALS(
      "Partnerschaften zur Erreichung der Ziele", "Partnerships for the Goals");

  private final LocalizedText title;

  SustainabilityGoal(String de, String en) {
    this.title = new LocalizedText(de, en);
  }

  /** The goal's number, 1 to 17, as the UN counts them. */
  public int number() {
    return ordinal() + 1;
  }

  /** The short code the goal is known by in data exchanges: {@code sdg-13}. */
  public String code() {
    return "sdg-" + number();
  }

  /** The official short title, in German and English. */
  public LocalizedText title() {
    return title;
  }

  /** The goal with this number, or empty if the UN counts none under it. */
  public static Optional<SustainabilityGoal> numbered(int number) {
    return Arrays.stream(values()).filter(goal -> goal.number() == number).findFirst();
  }
}
