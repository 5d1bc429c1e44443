import { NotificationTopic } from '@foyer/shared/contracts';
import { renderMail, renderMessage, SAMPLE_DATA } from './templates';

describe('notification templates', () => {
  it.each(Object.values(NotificationTopic))(
    'renders %s in French, text and HTML, links absolute',
    (topic) => {
      const message = renderMessage(topic, SAMPLE_DATA[topic] as never);
      const mail = renderMail(topic, message, 'https://famille.alfortville.fr');
      if (message.link) {
        expect(mail.text).toContain(`https://famille.alfortville.fr${message.link}`);
        expect(mail.html).toContain(`href="https://famille.alfortville.fr${message.link}"`);
      }
      expect(mail.html).toMatch(/^<!doctype html>\n<html lang="fr">/);
      expect({ inbox: message, mail }).toMatchSnapshot();
    },
  );

  it('escapes what the data brings into the HTML', () => {
    const message = renderMessage(NotificationTopic.CityAnnouncement, {
      title: 'Test',
      text: 'Cantine <b>fermée</b> & "travaux"',
    });
    const mail = renderMail(NotificationTopic.CityAnnouncement, message, 'https://x.fr');
    expect(mail.html).toContain('Cantine &lt;b&gt;fermée&lt;/b&gt; &amp; &quot;travaux&quot;');
  });
});
