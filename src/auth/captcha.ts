/** Captcha check of /api/user/login, off unless CAPTCHA_VERIFY_URL is set (reCAPTCHA's siteverify protocol). */
export interface CaptchaVerifier {
  verify(response: string | null | undefined, ip: string): Promise<boolean>
}

export function createCaptchaVerifier(url: string | undefined, secret: string): CaptchaVerifier {
  if (!url) return { verify: () => Promise.resolve(true) }
  return {
    async verify(response, ip) {
      if (!response) return false
      const body = new URLSearchParams({ secret, response, remoteip: ip })
      const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(10_000) })
      if (!res.ok) return false
      const json = (await res.json()) as { success?: boolean }
      return json.success === true
    },
  }
}
