#!/bin/sh
# Adds the thermal ticket printer as a raw CUPS queue (the kiosk sends ready ESC/POS raster bytes).
# usage: deploy/add-printer.sh NAME DEVICE-URI      e.g.  deploy/add-printer.sh kiosk80 socket://192.168.1.50:9100
#        (USB printers: see `lpinfo -v` for their usb:// URI)
# The error policy abort-job drops a failed ticket instead of stopping the queue: the kiosk has already shown
# that ticket on screen and recorded it as print_failed, and the next citizen's ticket must still print.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 NAME DEVICE-URI" >&2; exit 2; }
lpadmin -p "$1" -E -v "$2" -m raw -o printer-error-policy=abort-job
cupsenable "$1"
cupsaccept "$1"
echo "queue $1 -> $2 ready; set printer.sink = \"cups\" and printer.cups_destination = \"$1\" in kiosk.toml"
