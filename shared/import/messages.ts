/**
 * Validation messages in the director's language. The core speaks English (describeIssues, the
 * importers); this catalogue turns those sentences into Vietnamese. A sentence it does not know
 * stays English rather than being guessed.
 */
import type { Lang } from '../time';
import type { ImportIssue } from './issues';

const WHAT: Record<string, string> = {
  title: 'tiêu đề', name: 'tên', 'honouree name': 'tên tập thể, cá nhân', unit: 'đơn vị', award: 'hình thức khen thưởng',
  'cue label': 'tên cue', 'cue note': 'ghi chú cue', 'script line': 'dòng lời dẫn', 'segment title': 'tiêu đề phần',
  'programme title': 'tên chương trình', venue: 'địa điểm', duration: 'thời lượng', 'media duration': 'thời lượng phim',
  'warning threshold': 'ngưỡng cảnh báo', 'danger threshold': 'ngưỡng khẩn', 'cue lead time': 'thời gian báo trước của cue',
  start: 'giờ bắt đầu', 'fixed start': 'giờ cố định',
};
const what = (w: string) => WHAT[w] ?? w;
const NOUN: Record<string, string> = { item: 'nội dung', segment: 'phần', honouree: 'khen thưởng', cue: 'cue' };

const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^duration must be a positive number of seconds$/, () => 'thời lượng phải là một số giây dương'],
  [/^duration must be a whole number of seconds$/, () => 'thời lượng phải là số giây nguyên'],
  [/^duration must be at most 24 hours$/, () => 'thời lượng tối đa 24 giờ'],
  [/^threshold must be a number of seconds$/, () => 'ngưỡng phải là số giây'],
  [/^threshold must be a whole number of seconds$/, () => 'ngưỡng phải là số giây nguyên'],
  [/^threshold cannot be negative$/, () => 'ngưỡng không được âm'],
  [/^threshold must be at most 24 hours$/, () => 'ngưỡng tối đa 24 giờ'],
  [/^danger threshold must not exceed the warning threshold$/, () => 'ngưỡng khẩn không được lớn hơn ngưỡng cảnh báo'],
  [/^time must be HH:mm.*$/, () => 'giờ phải viết dạng HH:mm, 24 giờ (ví dụ 07:30)'],
  [/^date must be YYYY-MM-DD.*$/, () => 'ngày phải viết dạng YYYY-MM-DD (ví dụ 2024-01-18)'],
  [/^time zone must be .*$/, () => 'múi giờ phải là tên IANA, ví dụ Asia/Ho_Chi_Minh'],
  [/^kind must be one of .*$/, () => 'loại nội dung không hợp lệ'],
  [/^kind must be collective or individual$/, () => 'loại phải là Tập thể hoặc Cá nhân'],
  [/^cue target must be one of (.*)$/, (_, l) => `nơi nhận cue phải là một trong: ${l}`],
  [/^speaker view must be countdown or timeOfDay$/, () => 'màn hình người nói phải là đếm ngược hoặc giờ'],
  [/^id may hold only .*$/, () => 'mã chỉ gồm chữ cái không dấu, chữ số, - và _ (tối đa 64 ký tự)'],
  [/^(?:segment|item) id "(.*)" is used twice$/, (_, id) => `mã "${id}" bị trùng`],
  [/^the programme needs at least one item$/, () => 'chương trình cần ít nhất một nội dung'],
  [/^(.+) is required$/, (_, w) => `cần nhập ${what(w)}`],
  [/^(.+) is longer than (\d+) characters$/, (_, w, n) => `${capital(what(w))} dài quá ${n} ký tự`],
  [/^(.+) must be text$/, (_, w) => `${capital(what(w))} phải là chữ`],
  [/^(.+) "(.*)" is not a duration: .*$/, (_, w, v) => `${capital(what(w))} "${v}" không đúng dạng: viết 15 (phút), 15:00 hoặc 1:05:00`],
  [/^(.+) "(.*)" is not a time of day: .*$/, (_, w, v) => `${capital(what(w))} "${v}" không phải giờ: viết 07:30`],
  [/^kind "(.*)" is not known: .*$/, (_, v) => `loại "${v}" không rõ: dùng Đón tiếp, Nghi thức, Phim, Phát biểu, Báo cáo, Thảo luận, Giải lao, Khen thưởng, Phát động, Bế mạc, Khác, hoặc "Phần"`],
  [/^speaker view "(.*)" is not known: .*$/, (_, v) => `màn hình người nói "${v}" không rõ: viết "đếm ngược" hoặc "giờ"`],
  [/^"(.*)" is neither Tập thể \(collective\) nor Cá nhân \(individual\)$/, (_, v) => `"${v}" không phải Tập thể hay Cá nhân`],
  [/^a segment needs an item above it$/, () => 'một phần phải nằm dưới một nội dung'],
  [/^no column holds the title .*$/, () => 'không cột nào chứa nội dung (Nội dung / Title)'],
  [/^no column holds the name .*$/, () => 'không cột nào chứa tên (Tên tập thể, cá nhân / Name)'],
  [/^the sheet has no items below its header row$/, () => 'bảng không có nội dung nào dưới dòng tiêu đề'],
  [/^the sheet has no honourees below its header row$/, () => 'bảng không có ai dưới dòng tiêu đề'],
  [/^no award group "(.*)" in "(.*)"$/, (_, g, t) => `không có lượt trao thưởng "${g}" trong "${t}"`],
  [/^choose the award group to import into$/, () => 'hãy chọn lượt trao thưởng để nhập vào'],
  [/^the file is not valid JSON.*$/, () => 'tệp không phải JSON hợp lệ'],
  [/^the file holds a forbidden key.*$/, () => 'tệp chứa khoá bị cấm (__proto__, constructor, prototype)'],
  [/^this file is format version (.*); this Baton reads version (.*)$/, (_, a, b) => `tệp ở phiên bản định dạng ${a}; Baton này đọc phiên bản ${b}`],
  [/^the file is not a spreadsheet.*$/, () => 'tệp không phải bảng tính (.xlsx) đọc được'],
  [/^this is a Word 97–2003 document .*$/, () => 'đây là tệp Word 97–2003 (.doc): hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập tệp đó'],
  [/^the file is password-protected.*$/, () => 'tệp có mật khẩu: hãy mở tệp, lưu một bản không đặt mật khẩu rồi nhập bản đó'],
  [/^the PDF is password-protected.*$/, () => 'tệp PDF có mật khẩu: hãy xin bản không đặt mật khẩu, hoặc nhập tệp .docx'],
  [/^this is an old Office file .*$/, () => 'đây là tệp Office đời cũ (Excel 97–2003…): hãy lưu thành .xlsx hoặc .docx rồi nhập'],
  [/^the file is damaged: .*$/, () => 'tệp bị hỏng: không phải tệp .docx hay .xlsx hoàn chỉnh (hãy lưu lại rồi nhập bản mới)'],
  [/^the PDF is damaged .*$/, () => 'tệp PDF bị hỏng, không đọc được'],
  [/^the file is a zip but .*$/, () => 'tệp nén (zip) nhưng không phải .docx hay .xlsx'],
  [/^the document unpacks to (.+), past the 20 MB .*$/, (_, n) => `tài liệu giải nén ra ${n.replace('more than', 'hơn')}, vượt giới hạn 20 MB: hãy lưu riêng bảng chương trình vào một tài liệu mới rồi nhập`],
  [/^the file is (\d+) MB; .*$/, (_, n) => `tệp nặng ${n} MB; Baton chỉ đọc tài liệu tới 30 MB`],
  [/^the PDF has (\d+) pages; Baton reads plans of at most (\d+).*$/, (_, n, m) => `tệp PDF có ${n} trang; Baton chỉ đọc kế hoạch tới ${m} trang: hãy lưu riêng các trang có chương trình thành PDF mới, hoặc nhập tệp .docx`],
  [/^the PDF has no text, only images .*$/, () => 'tệp PDF chỉ có hình ảnh, không có chữ (bản scan): hãy nhập tệp .docx của kế hoạch, hoặc PDF lưu từ Word'],
  [/^reading the document took too long.*$/, () => 'đọc tài liệu quá lâu: hãy lưu riêng bảng chương trình vào một tài liệu mới rồi nhập'],
  [/^the document has no programme table: .*$/, () => 'tài liệu không có bảng chương trình: Baton tìm dòng tiêu đề có TT, THỜI GIAN, NỘI DUNG, THỰC HIỆN (hoặc STT, Giờ, Nội dung, Người thực hiện)'],
];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One English validation sentence in `lang`; describeIssues' "item 4 (…), segment 2 (…): " prefix too. */
export function localize(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const prefix = /^((?:(?:item|segment|honouree|cue) \d+(?: \([^)]*\))?(?:, )?)+): (.*)$/s.exec(message);
  if (prefix) {
    const where = (prefix[1] as string).replace(/\b(item|segment|honouree|cue) (\d+)/g, (_, n: string, i: string) => `${NOUN[n]} ${i}`);
    return `${where}: ${localize(prefix[2] as string, lang)}`;
  }
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say(...(m as unknown as string[]));
  }
  return message;
}

/** `row 4: duration must be a positive number of seconds` / `dòng 4: thời lượng phải là …`. */
export function formatIssue(i: ImportIssue, lang: Lang): string {
  const text = localize(i.message, lang);
  if (i.row === null) return text;
  return `${lang === 'vi' ? 'dòng' : 'row'} ${i.row}: ${text}`;
}
