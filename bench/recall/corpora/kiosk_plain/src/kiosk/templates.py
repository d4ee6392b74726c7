"""HTML pages, kept as Bottle SimpleTemplate strings.

``{{x}}`` is HTML-escaped by SimpleTemplate, ``{{!x}}`` is emitted as is.
"""
from bottle import SimpleTemplate

from kiosk import config
from kiosk.util import money

LAYOUT = SimpleTemplate("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · {{cinema_name}}</title>
<link rel="stylesheet" href="/static/kiosk.css">
<script src="/static/kiosk.js" defer></script>
</head>
<body class="{{body_class}}">
<header class="top">
  <a class="brand" href="/">{{cinema_name}}</a>
  <nav>
% if user:
    <a href="/account">{{user['name']}}</a>
%   if user['is_admin']:
    <a href="/admin/bookings">Admin</a>
%   end
    <form class="inline" method="post" action="/logout">
      <input type="hidden" name="csrf_token" value="{{csrf_token}}">
      <button type="submit">Sign out</button>
    </form>
% else:
    <a href="/login">Sign in</a>
% end
  </nav>
</header>
% if flash:
<p class="flash">{{flash}}</p>
% end
<main>
{{!body}}
</main>
<footer>{{cinema_name}} · 12 High Street · Box office open from 11:00</footer>
</body>
</html>
""")

SHOWINGS = SimpleTemplate("""<h1>Showing on {{day.strftime('%A %d %B')}}</h1>
<form class="day-picker" method="get" action="/showings">
  <input type="date" name="day" value="{{day.isoformat()}}">
  <button type="submit">Go</button>
</form>
% for film in films:
<article class="film" style="border-color: {{film['accent']}}">
  <h2><a href="/films/{{film['id']}}">{{film['title']}}</a> <small>{{film['rating']}}</small></h2>
  <ul class="times">
%   for s in film['showings']:
    <li><a href="/showings/{{s['id']}}/book">{{s['starts_at'].strftime('%H:%M')}}</a>
        <span class="screen">Screen {{s['screen']}}</span>
        <span class="price">{{money(s['price_cents'])}}</span></li>
%   end
  </ul>
</article>
% end
""")

FILM = SimpleTemplate("""<article class="film-detail">
  <h1>{{film['title']}} <small>{{film['rating']}} · {{film['runtime_minutes']}} min</small></h1>
% if film.get('poster_url'):
  <img class="poster" src="{{film['poster_url']}}" alt="">
% end
  <div class="synopsis">{{!film['synopsis_html']}}</div>
  <h2>Upcoming showings</h2>
  <ul>
% for s in showings:
    <li><a href="/showings/{{s['id']}}/book">{{s['starts_at'].strftime('%a %d %b %H:%M')}}</a></li>
% end
  </ul>
</article>
""")

LOGIN = SimpleTemplate("""<h1>Sign in</h1>
% if error:
<p class="error">{{error}}</p>
% end
<form method="post" action="/login">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <input type="hidden" name="next" value="{{next_url}}">
  <label>E-mail <input type="email" name="email" value="{{email}}" required></label>
  <label>Password <input type="password" name="password" required></label>
  <button type="submit">Sign in</button>
</form>
<p><a href="/register">Create an account</a> · <a href="/password-reset">Forgotten your password?</a></p>
""")

REGISTER = SimpleTemplate("""<h1>Create an account</h1>
% if error:
<p class="error">{{error}}</p>
% end
<form method="post" action="/register">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <label>Name <input name="name" value="{{name}}" required></label>
  <label>E-mail <input type="email" name="email" value="{{email}}" required></label>
  <label>Password <input type="password" name="password" required minlength="10"></label>
  <button type="submit">Register</button>
</form>
""")

RESET_REQUEST = SimpleTemplate("""<h1>Reset your password</h1>
<form method="post" action="/password-reset">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <label>E-mail <input type="email" name="email" required></label>
  <button type="submit">Send reset link</button>
</form>
""")

RESET_FORM = SimpleTemplate("""<h1>Choose a new password</h1>
% if error:
<p class="error">{{error}}</p>
% end
<form method="post" action="/password-reset/{{token}}">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <label>New password <input type="password" name="password" required minlength="10"></label>
  <button type="submit">Save</button>
</form>
""")

SEATS = SimpleTemplate("""<h1>{{showing['title']}} · {{showing['starts_at'].strftime('%a %d %b %H:%M')}}</h1>
<p>Screen {{seat_map['screen']}} · {{money(showing['price_cents'])}} per seat</p>
<form method="post" action="/showings/{{showing['id']}}/book" class="seat-picker">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <div class="screen-edge">Screen</div>
% for row in seat_map['rows']:
  <div class="seat-row">
%   for seat in row:
    <label class="seat{{' taken' if seat['taken'] else ''}}">
      <input type="checkbox" name="seat" value="{{seat['seat']}}" {{'disabled' if seat['taken'] else ''}}>
      {{seat['seat']}}
    </label>
%   end
  </div>
% end
% if not user:
  <label>Name <input name="name" required></label>
  <label>E-mail <input type="email" name="email" required></label>
% end
  <button type="submit">Continue to payment</button>
</form>
""")

ACCOUNT = SimpleTemplate("""<h1>Your bookings</h1>
<table class="bookings">
  <tr><th>Reference</th><th>Film</th><th>When</th><th>Seats</th><th>Status</th></tr>
% for b in bookings:
  <tr>
    <td><a href="/bookings/{{b['reference']}}">{{b['reference']}}</a></td>
    <td>{{b['title']}}</td>
    <td>{{b['starts_at'].strftime('%d %b %H:%M')}}</td>
    <td>{{', '.join(b['seats'])}}</td>
    <td>{{b['status']}}</td>
  </tr>
% end
</table>
<h2>Contact details</h2>
<form method="post" action="/account/email" id="email-form">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <label>E-mail <input type="email" name="email" value="{{user['email']}}"></label>
  <button type="submit">Update</button>
</form>
""")

BOOKING = SimpleTemplate("""<h1>Booking {{booking['reference']}}</h1>
<p>{{booking['title']}} · {{booking['starts_at'].strftime('%A %d %B, %H:%M')}} · Screen {{booking['screen']}}</p>
<p>Seats: {{', '.join(booking['seats'])}} · Total {{money(booking['total_cents'])}}</p>
% if booking['status'] == 'paid':
<img class="qr" src="/bookings/{{booking['reference']}}/qr.png" alt="Ticket QR code">
<p>Show this code at the door, or print your tickets at any lobby kiosk.</p>
% else:
<p class="status">Status: {{booking['status']}}</p>
% end
""")

ADMIN_BOOKINGS = SimpleTemplate("""<h1>Bookings for {{day.isoformat()}}</h1>
<form method="get" action="/admin/bookings">
  <input type="date" name="day" value="{{day.isoformat()}}">
  <button type="submit">Show</button>
</form>
<table class="admin">
  <tr><th>Ref</th><th>Customer</th><th>Film</th><th>Seats</th><th>Total</th><th>Status</th><th></th></tr>
% for b in bookings:
  <tr>
    <td>{{b['reference']}}</td>
    <td>{{!name_badge(b)}}</td>
    <td>{{b['title']}} {{b['starts_at'].strftime('%H:%M')}}</td>
    <td>{{b['seat_count']}}</td>
    <td>{{money(b['total_cents'])}}</td>
    <td>{{b['status']}}</td>
    <td>
%   if b['status'] == 'paid':
      <form method="post" action="/admin/bookings/{{b['id']}}/refund" class="inline confirm">
        <input type="hidden" name="reason" value="box office">
        <button type="submit">Refund</button>
      </form>
%   end
      <form method="post" action="/admin/bookings/{{b['id']}}/resend" class="inline">
        <input type="hidden" name="csrf_token" value="{{csrf_token}}">
        <button type="submit">Resend e-mail</button>
      </form>
    </td>
  </tr>
% end
</table>
""")

ADMIN_DEVICES = SimpleTemplate("""<h1>Lobby kiosks</h1>
% if pairing_code:
<p class="notice">Enter pairing code <strong>{{pairing_code}}</strong> on the new kiosk within 10 minutes.</p>
% end
<table class="admin">
  <tr><th>Name</th><th>Location</th><th>Paired</th><th></th></tr>
% for d in devices:
  <tr>
    <td>{{d.name}}</td><td>{{d.location}}</td>
    <td>{{d.paired_at.strftime('%d %b %Y') if d.paired_at else 'pending'}}</td>
    <td>
%   if not d.revoked:
      <form method="post" action="/admin/devices/{{d.id}}/revoke" class="inline">
        <input type="hidden" name="csrf_token" value="{{csrf_token}}">
        <button type="submit">Revoke</button>
      </form>
%   end
    </td>
  </tr>
% end
</table>
<form method="post" action="/admin/devices">
  <input type="hidden" name="csrf_token" value="{{csrf_token}}">
  <label>Name <input name="name" required></label>
  <label>Location <input name="location" required></label>
  <button type="submit">Add kiosk</button>
</form>
""")

MESSAGE = SimpleTemplate("""<h1>{{heading}}</h1>
<p>{{message}}</p>
% if link:
<p><a href="{{link}}">{{link_text}}</a></p>
% end
""")


def name_badge(booking):
    css = "member" if booking.get("customer_id") else "guest"
    return '<span class="badge %s">%s</span>' % (css, booking["customer_name"])


_HELPERS = {"money": money, "name_badge": name_badge}


def render(tpl, title, user=None, csrf_token="", flash=None, body_class="", **context):
    ctx = dict(_HELPERS)
    ctx.update(context)
    ctx.setdefault("user", user)
    ctx.setdefault("csrf_token", csrf_token)
    body = tpl.render(**ctx)
    return LAYOUT.render(
        title=title,
        body=body,
        user=user,
        csrf_token=csrf_token,
        flash=flash,
        body_class=body_class,
        cinema_name=config.CINEMA_NAME,
    )


def message(title, heading, text, link=None, link_text="Continue", **kwargs):
    return render(MESSAGE, title, heading=heading, message=text, link=link, link_text=link_text, **kwargs)
