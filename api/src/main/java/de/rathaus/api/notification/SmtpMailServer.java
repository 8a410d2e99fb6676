package de.rathaus.api.notification;

import de.rathaus.application.notification.Mail;
import de.rathaus.application.notification.MailServer;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail server Spring Boot configures from {@code spring.mail.*}. Its exceptions may quote the
 * address: the sender records and logs only their type.
 */
public class SmtpMailServer implements MailServer {

  private final JavaMailSender sender;
  private final String from;

  public SmtpMailServer(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(Mail mail) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(mail.to());
    message.setSubject(mail.subject());
    message.setText(mail.text());
    sender.send(message);
  }
}
