package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalViews.Localized;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.AnswerEntry;
import de.rathaus.application.participation.CommentView;
import de.rathaus.application.participation.ConsultationResults;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.RatingSummary;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.shared.LocalizedText;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the portal's participation, statistics and transparency pages show, in the visitor's
 * language: plain values made from the read models, exactly what the API's resources give an
 * anonymous caller (a hidden proposal is a stub with the moderation's public reason; hidden
 * comments are left out and only the moderation log's public entries tell of them), so that the
 * templates hold no logic beyond showing them and Thymeleaf escapes every one.
 */
final class PortalPublicViews {

  private PortalPublicViews() {}

  /** The city's time zone, in which every date is shown. */
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A moment as the page writes it, and as {@code <time datetime>} carries it. */
  record When(String text, String iso) {
    static When of(Instant at, String language) {
      if (at == null) {
        return null;
      }
      DateTimeFormatter format =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
              .withLocale(locale(language))
              .withZone(BERLIN);
      return new When(format.format(at), at.toString());
    }
  }

  /**
   * A bar of a chart: the number as text (always written out), and a CSS class for its length in
   * steps of 5 % ({@code bar-0} … {@code bar-100}), as the CSP allows no inline style.
   */
  record Bar(String label, String value, String width) {
    static Bar of(String label, String value, double fraction) {
      double bounded = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
      return new Bar(label, value, "bar-" + (int) (Math.round(bounded * 20) * 5));
    }
  }

  /** An action field to choose in the filter. */
  record ActionFieldOption(String code, Localized name) {}

  /** A consultation in a list. */
  record ConsultationSummary(
      String id,
      Localized title,
      Localized description,
      String phase,
      String format,
      Localized actionField,
      When opens,
      When closes) {}

  /** A phase the consultation entered, and when. */
  record PhaseStep(String phase, When at) {}

  /** A consultation's own page. */
  record ConsultationDetail(
      String id,
      Localized title,
      Localized description,
      String phase,
      String format,
      Localized actionField,
      String department,
      List<Localized> goals,
      When opens,
      When closes,
      When votingEnds,
      Integer supportThreshold,
      Integer answerDeadlineDays,
      List<PhaseStep> phases,
      Localized summary) {}

  /** The city's answer, public and dated. */
  record Answer(String status, String reasoning, When at) {}

  /** How an item was rated: average, count and the distribution of 1 to 5 stars. */
  record Rating(String average, long count, List<Bar> distribution) {}

  /** A proposal in a consultation's list. */
  record ProposalSummary(
      String id,
      String title,
      String displayName,
      long supports,
      int commentCount,
      boolean hidden,
      String hiddenReason,
      String answerStatus,
      Rating rating) {}

  /** A visible comment with its visible replies. */
  record Comment(String id, String text, String displayName, When at, List<Comment> replies) {}

  /** A proposal's own page. */
  record ProposalDetail(
      String id,
      String consultationId,
      Localized consultationTitle,
      String title,
      String text,
      String displayName,
      When created,
      When edited,
      boolean feedbackItem,
      long supports,
      Rating rating,
      List<Comment> comments,
      int commentCount,
      List<ModerationNote> hiddenComments,
      boolean hidden,
      String hiddenReason,
      When hiddenAt,
      Answer answer,
      List<Answer> answerHistory,
      When answerDue,
      boolean answerOverdue) {}

  /** One entry of the public moderation log: never the content, never who moderated. */
  record ModerationNote(
      String kind,
      String action,
      String proposalId,
      String commentId,
      String reason,
      When at,
      String role) {}

  /** One proposal's result. */
  record ProposalResult(
      String id,
      String title,
      String displayName,
      long supports,
      Rating rating,
      int commentCount,
      Answer answer,
      When answerDue,
      String duty) {}

  /** What came of a consultation so far. */
  record Results(
      When at,
      boolean published,
      int proposalCount,
      int answered,
      Bar answeredShare,
      int withDeadline,
      int answeredInTime,
      Bar answeredInTimeShare,
      int overdue,
      Rating ratings,
      List<ProposalResult> proposals) {}

  static Locale locale(String language) {
    return "en".equals(language) ? Locale.UK : Locale.GERMANY;
  }

  /** A number with the language's decimal sign and at most {@code digits} fraction digits. */
  static String number(double value, int digits, String language) {
    NumberFormat format = NumberFormat.getNumberInstance(locale(language));
    format.setMaximumFractionDigits(digits);
    format.setMinimumFractionDigits(0);
    return format.format(value);
  }

  /** A share 0..1 as a percentage ({@code 66,7 %}, {@code 66.7%}). */
  static String percent(double share, String language) {
    NumberFormat format = NumberFormat.getPercentInstance(locale(language));
    format.setMaximumFractionDigits(1);
    return format.format(share);
  }

  static List<ActionFieldOption> options(List<ActionFieldView> fields, String language) {
    return fields.stream()
        .map(f -> new ActionFieldOption(f.code().value(), Localized.of(f.name(), language)))
        .sorted(java.util.Comparator.comparing(o -> CatalogueSearch.folded(o.name().text())))
        .toList();
  }

  static Localized actionField(
      ConsultationContent content, Map<String, ActionFieldView> fields, String language) {
    ActionFieldView field = fields.get(content.actionField().value());
    return field == null
        ? new Localized(content.actionField().value(), language)
        : Localized.of(field.name(), language);
  }

  static Map<String, ActionFieldView> byCode(List<ActionFieldView> fields) {
    Map<String, ActionFieldView> byCode = new LinkedHashMap<>();
    fields.forEach(f -> byCode.putIfAbsent(f.code().value(), f));
    return byCode;
  }

  static ConsultationSummary summary(
      ConsultationView view, Map<String, ActionFieldView> fields, String language) {
    ConsultationContent content = view.content();
    return new ConsultationSummary(
        view.id().value(),
        Localized.of(content.title(), language),
        Localized.of(content.description(), language),
        view.phase().name(),
        content.format().name(),
        actionField(content, fields, language),
        When.of(content.opensAt(), language),
        When.of(content.closesAt(), language));
  }

  static ConsultationDetail detail(
      ConsultationView view, Map<String, ActionFieldView> fields, String language) {
    ConsultationContent content = view.content();
    LocalizedText summary = view.summary();
    return new ConsultationDetail(
        view.id().value(),
        Localized.of(content.title(), language),
        Localized.of(content.description(), language),
        view.phase().name(),
        content.format().name(),
        actionField(content, fields, language),
        content.department() == null ? null : content.department().value(),
        content.sustainabilityGoals().stream()
            .map(
                g ->
                    new Localized(
                        g.number() + " – " + Localized.of(g.title(), language).text(),
                        Localized.of(g.title(), language).language()))
            .toList(),
        When.of(content.opensAt(), language),
        When.of(content.closesAt(), language),
        When.of(content.votingEndsAt(), language),
        content.supportThreshold(),
        content.answerDeadlineDays(),
        view.phases().stream()
            .map(p -> new PhaseStep(p.phase().name(), When.of(p.at(), language)))
            .toList(),
        summary == null ? null : Localized.of(summary, language));
  }

  static Answer answer(AnswerEntry entry, String language) {
    return entry == null
        ? null
        : new Answer(
            entry.status().name(), entry.reasoningIn(language), When.of(entry.at(), language));
  }

  static Rating rating(RatingSummary summary, String language) {
    if (summary == null) {
      return null;
    }
    // each bar is its share of all ratings; the count is written next to it
    long all = summary.count();
    List<Bar> bars = new ArrayList<>();
    for (int stars = 1; stars <= summary.distribution().size(); stars++) {
      long count = summary.distribution().get(stars - 1);
      bars.add(
          Bar.of(
              String.valueOf(stars), String.valueOf(count), all == 0 ? 0 : (double) count / all));
    }
    Double average = summary.average();
    return new Rating(average == null ? null : number(average, 2, language), summary.count(), bars);
  }

  /** A proposal in a list, as the public reads it: a hidden one is a stub. */
  static ProposalSummary summary(ProposalView view, String language) {
    if (view.hidden()) {
      return new ProposalSummary(
          view.id().value(),
          null,
          null,
          view.tally().supports(),
          0,
          true,
          view.moderation().reason(),
          null,
          null);
    }
    AnswerEntry answer = view.answer();
    return new ProposalSummary(
        view.id().value(),
        view.title(),
        view.displayName(),
        view.tally().supports(),
        view.visibleComments().size(),
        false,
        null,
        answer == null ? null : answer.status().name(),
        view.feedbackItem() ? rating(view.tally().ratings(), language) : null);
  }

  /**
   * A proposal's page as the public reads it (the API's anonymous read): a hidden one is a stub
   * with the moderation's public reason; otherwise its visible comments with their replies, and of
   * the hidden ones only what the public moderation log says ({@code moderation}, newest first).
   */
  static ProposalDetail detail(
      ProposalView view,
      ConsultationView consultation,
      List<ModerationLogEntry> moderation,
      Instant now,
      String language) {
    Localized consultationTitle = Localized.of(consultation.content().title(), language);
    if (view.hidden()) {
      return new ProposalDetail(
          view.id().value(),
          consultation.id().value(),
          consultationTitle,
          null,
          null,
          null,
          When.of(view.submittedAt(), language),
          null,
          view.feedbackItem(),
          view.tally().supports(),
          null,
          List.of(),
          0,
          List.of(),
          true,
          view.moderation().reason(),
          When.of(view.moderation().at(), language),
          null,
          List.of(),
          null,
          false);
    }
    List<CommentView> visible = view.visibleComments();
    Map<String, List<Comment>> replies = new LinkedHashMap<>();
    for (CommentView c : visible) {
      if (c.parent() != null) {
        replies
            .computeIfAbsent(c.parent().value(), k -> new ArrayList<>())
            .add(comment(c, List.of(), language));
      }
    }
    List<Comment> comments =
        visible.stream()
            .filter(c -> c.parent() == null)
            .map(c -> comment(c, replies.getOrDefault(c.id().value(), List.of()), language))
            .toList();
    return new ProposalDetail(
        view.id().value(),
        consultation.id().value(),
        consultationTitle,
        view.title(),
        view.text(),
        view.displayName(),
        When.of(view.submittedAt(), language),
        view.edited() ? When.of(view.editedAt(), language) : null,
        view.feedbackItem(),
        view.tally().supports(),
        view.feedbackItem() ? rating(view.tally().ratings(), language) : null,
        comments,
        visible.size(),
        hiddenComments(view, moderation, language),
        false,
        null,
        null,
        answer(view.answer(), language),
        view.answers().entries().stream().map(a -> answer(a, language)).toList(),
        When.of(view.answerDue(), language),
        view.answerDuty(now) == de.rathaus.application.participation.AnswerDuty.OVERDUE);
  }

  private static Comment comment(CommentView c, List<Comment> replies, String language) {
    return new Comment(
        c.id().value(), c.text(), c.displayName(), When.of(c.createdAt(), language), replies);
  }

  /**
   * The comments of this proposal whose latest entry in the public moderation log (newest first)
   * hid them: that entry, its reason and date, never the comment.
   */
  static List<ModerationNote> hiddenComments(
      ProposalView view, List<ModerationLogEntry> newestFirst, String language) {
    Map<String, ModerationLogEntry> latest = new LinkedHashMap<>();
    for (ModerationLogEntry entry : newestFirst) {
      if (entry.kind() == ModerationLogEntry.Kind.COMMENT
          && entry.proposal().equals(view.id())
          && entry.comment() != null) {
        latest.putIfAbsent(entry.comment().value(), entry);
      }
    }
    return latest.values().stream()
        .filter(e -> e.action() == ModerationLogEntry.Action.HIDDEN)
        .map(e -> note(e, language))
        .toList();
  }

  static ModerationNote note(ModerationLogEntry entry, String language) {
    return new ModerationNote(
        entry.kind().name(),
        entry.action().name(),
        entry.proposal().value(),
        entry.comment() == null ? null : entry.comment().value(),
        entry.reason(),
        When.of(entry.at(), language),
        entry.role().name());
  }

  static Results results(
      ConsultationView consultation, ConsultationResults results, String language) {
    Double answered = results.answeredShare();
    Double inTime = results.answeredInTimeShare();
    return new Results(
        When.of(results.at(), language),
        consultation.phase() == de.rathaus.domain.participation.ConsultationPhase.RESULTS_PUBLISHED,
        results.proposals().size(),
        results.answered(),
        answered == null ? null : Bar.of(null, percent(answered, language), answered),
        results.withDeadline(),
        results.answeredInTime(),
        inTime == null ? null : Bar.of(null, percent(inTime, language), inTime),
        results.overdue(),
        rating(results.ratings(), language),
        results.proposals().stream()
            .map(
                r -> {
                  ProposalView p = r.proposal();
                  return new ProposalResult(
                      p.id().value(),
                      p.title(),
                      p.displayName(),
                      p.tally().supports(),
                      rating(p.tally().ratings(), language),
                      p.visibleComments().size(),
                      answer(p.answer(), language),
                      When.of(p.answerDue(), language),
                      r.duty().name());
                })
            .toList());
  }

  /** A share as a bar and its percentage, or null where the figure is suppressed. */
  static Bar share(BigDecimal share, String language) {
    return share == null
        ? null
        : Bar.of(null, percent(share.doubleValue(), language), share.doubleValue());
  }
}
