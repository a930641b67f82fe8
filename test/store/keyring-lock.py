"""Locks or unlocks the login collection of the gnome-keyring on $DBUS_SESSION_BUS_ADDRESS (tests only).

usage: keyring-lock.py lock | unlock PASSWORD
Unlocking without a prompt goes through gnome-keyring's UnlockWithMasterPassword, which needs the password
the keyring was created with, sent over a 'plain' Secret Service session opened on the same connection.
"""
import sys

import dbus

LOGIN = dbus.ObjectPath('/org/freedesktop/secrets/collection/login')
bus = dbus.SessionBus()
service_object = bus.get_object('org.freedesktop.secrets', '/org/freedesktop/secrets')
service = dbus.Interface(service_object, 'org.freedesktop.Secret.Service')
if sys.argv[1] == 'lock':
    service.Lock([LOGIN])
else:
    _, session = service.OpenSession('plain', dbus.String('', variant_level=1))
    secret = dbus.Struct(
        (session, dbus.ByteArray(b''), dbus.ByteArray(sys.argv[2].encode()), 'text/plain'),
        signature='oayays',
    )
    internal = dbus.Interface(service_object, 'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface')
    internal.UnlockWithMasterPassword(LOGIN, secret)
locked = dbus.Interface(bus.get_object('org.freedesktop.secrets', LOGIN), 'org.freedesktop.DBus.Properties')
print('locked' if locked.Get('org.freedesktop.Secret.Collection', 'Locked') else 'unlocked')
