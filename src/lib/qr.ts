/**
 * QR codes for printed handouts, drawn at build time as inline SVG by the `qrcode` package, so
 * a paper copy leads back to the page and nothing is fetched when it is printed.
 */
import QRCode from 'qrcode';

/** An SVG QR code for `url`, hidden from assistive technology (the URL is printed beside it). */
export async function qrSvg(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
	return svg.trim().replace('<svg ', '<svg class="qr-code" aria-hidden="true" focusable="false" ');
}
