"""The application layer: every change the app or the command line makes goes through here.

Qt-free. Each operation is a small function taking an :class:`~.context.AppContext` and returning an
:class:`~.changes.OpResult` whose ``changes`` say what changed, so each screen refreshes only what it shows
(the pattern of Anki's collection operations and ``OpChanges``). The GUI runs them off the GUI thread.
"""
