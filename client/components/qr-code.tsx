import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code (SVG) for a URL, drawn locally: the venue may have no internet. */
export function QrCode({ value, size = 160 }: { value: string; size?: number }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s), () => live && setSvg(''));
    return () => {
      live = false;
    };
  }, [value]);
  return <div className="qr" style={{ width: size, height: size }} role="img" aria-label={value} dangerouslySetInnerHTML={{ __html: svg }} />;
}
