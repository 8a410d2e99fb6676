package de.rathaus.api.shared;

import de.rathaus.domain.shared.Pseudonymous;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command with who sent it (actor id, role, department of a clerk) and through which
 * channel; the events a command causes carry the same entries (see {@link ApiConfiguration}), so
 * the audit trail can say who did what. A command sent by the engine itself (the deadline watch,
 * the first start's catalogue) is signed {@code system}.
 */
public class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

  public static final String ACTOR_ID = "actorId";
  public static final String ACTOR_ROLE = "actorRole";
  public static final String DEPARTMENT = "department";
  public static final String CHANNEL = "channel";

  /** The actor id of a {@link Pseudonymous} command and its events: nobody in particular. */
  public static final String PSEUDONYMOUS = "pseudonymous";

  /** The keys copied from a command to its events. */
  public static final String[] KEYS = {ACTOR_ID, ACTOR_ROLE, DEPARTMENT, CHANNEL};

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    Map<String, String> stamp = stamp(SecurityContextHolder.getContext().getAuthentication());
    return (index, command) -> {
      if (command.getPayloadType().isAnnotationPresent(Pseudonymous.class)) {
        return command.andMetaData(pseudonymous(command.getMetaData(), stamp));
      }
      return command.getMetaData().containsKey(ACTOR_ID) ? command : command.andMetaData(stamp);
    };
  }

  /**
   * The stamp of a pseudonymous command: the role and channel (as given, or of the caller), no id
   * (only citizens send such commands: there is no department).
   */
  private static Map<String, String> pseudonymous(
      Map<String, ?> present, Map<String, String> stamp) {
    Map<String, String> signed = new HashMap<>();
    signed.put(ACTOR_ID, PSEUDONYMOUS);
    Object role = present.containsKey(ACTOR_ID) ? present.get(ACTOR_ROLE) : stamp.get(ACTOR_ROLE);
    signed.put(ACTOR_ROLE, role == null ? stamp.get(ACTOR_ROLE) : role.toString());
    Object channel = present.containsKey(ACTOR_ID) ? present.get(CHANNEL) : stamp.get(CHANNEL);
    signed.put(CHANNEL, channel == null ? stamp.get(CHANNEL) : channel.toString());
    return signed;
  }

  /**
   * Who sends commands where no account signed in: an Open311 client, known by its API key. An
   * authentication whose details are such a signature is stamped with exactly these entries (the
   * Open311 resource sets one for the command it sends; no way of signing in makes one).
   *
   * @param actorId the actor's id (for Open311: the key's id, never the key)
   * @param role the actor's role in the audit trail (for Open311: {@code OPEN311_CLIENT}, no role
   *     of {@link Role}: it opens no resource)
   * @param channel the channel ({@code open311})
   */
  public record Signed(String actorId, String role, String channel) {}

  static Map<String, String> stamp(Authentication authentication) {
    Map<String, String> stamp = new HashMap<>();
    if (authentication != null && authentication.getDetails() instanceof Signed signed) {
      stamp.put(ACTOR_ID, signed.actorId());
      stamp.put(ACTOR_ROLE, signed.role());
      stamp.put(CHANNEL, signed.channel());
      return stamp;
    }
    Optional<Actor> caller =
        authentication == null || !authentication.isAuthenticated()
            ? Optional.empty()
            : Actor.find(authentication);
    if (caller.isEmpty()) {
      stamp.put(ACTOR_ID, "system");
      stamp.put(ACTOR_ROLE, "SYSTEM");
      stamp.put(CHANNEL, "system");
      return stamp;
    }
    Actor actor = caller.get();
    stamp.put(ACTOR_ID, actor.id());
    stamp.put(ACTOR_ROLE, actor.role().name());
    actor.department().ifPresent(department -> stamp.put(DEPARTMENT, department));
    stamp.put(CHANNEL, signedInThroughTheBrowser() ? "web" : "api");
    return stamp;
  }

  /**
   * A call without credentials of its own was authenticated by the session of the login form: it
   * comes from the browser ({@code web}); calls with credentials come from programs ({@code api}).
   */
  private static boolean signedInThroughTheBrowser() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
        && current.getRequest().getHeader(HttpHeaders.AUTHORIZATION) == null;
  }
}
