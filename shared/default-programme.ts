/**
 * The default programme: the Bắc Giang conference of 18/01/2024, as the official plan
 * (Kế hoạch, section III.2) writes it. Names and wording stay in Vietnamese, exactly as the plan
 * spells them, with one correction: the plan's "phong trào thi đua yêu nước năm 2023" is a slip for
 * 2024 (section I.3 of the same plan). Where the plan names no one, a clearly marked placeholder
 * (starting with PLACEHOLDER) stands for the director to replace; no real person is invented.
 */
import { programmeSchema, type Programme, type ProgrammeInput } from './programme';

export const PLACEHOLDER = '[Cần bổ sung]';
export const isPlaceholder = (text: string | undefined): boolean => !!text && text.startsWith(PLACEHOLDER);

const contribution = (n: number) => ({
  id: `tham-luan-${n}`,
  title: `Tham luận ${n}`,
  presenter: { name: `${PLACEHOLDER} Đơn vị tham luận ${n}`, title: 'Do Sở Nội vụ, VP UBND tỉnh, Sở KH&ĐT lựa chọn' },
  durationSec: 8 * 60,
  script: [`Trân trọng kính mời đại diện ${PLACEHOLDER} đơn vị tham luận ${n} trình bày tham luận.`],
});

const awardGroup = (id: string, title: string, award: string, durationMin: number) => ({
  id,
  title,
  presenter: { name: `${PLACEHOLDER} Lãnh đạo trao thưởng` },
  durationSec: durationMin * 60,
  script: [`Trân trọng kính mời ${PLACEHOLDER} lãnh đạo lên trao ${award} cho các tập thể, cá nhân sau:`],
  honourees: [{ name: `${PLACEHOLDER} Danh sách do Sở Nội vụ cung cấp`, award }],
  cues: [{ id: `${id}-nhac`, target: 'sound' as const, label: 'Nhạc trao thưởng', leadSec: 10 }],
});

const input: ProgrammeInput = {
  title:
    'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và triển khai Nghị quyết của Chính phủ, Tỉnh ủy, HĐND tỉnh về phát triển kinh tế - xã hội năm 2024',
  venue: 'Trung tâm hội nghị tỉnh (Quảng trường 3/2, TP Bắc Giang)',
  date: '2024-01-18',
  timeZone: 'Asia/Ho_Chi_Minh',
  start: '07:00',
  end: '10:30',
  items: [
    {
      id: 'don-tiep',
      kind: 'reception',
      title: 'Đón tiếp đại biểu',
      presenter: { name: 'VP UBND tỉnh; Sở Nội vụ; Sở KH&ĐT' },
      durationSec: 30 * 60,
      fixedStart: '07:00',
    },
    {
      id: 'tuyen-bo-ly-do',
      kind: 'procedure',
      title: 'Tuyên bố lý do, giới thiệu đại biểu',
      presenter: { name: 'VP UBND tỉnh' },
      durationSec: 10 * 60,
      fixedStart: '07:30',
      script: [
        'Kính thưa các đồng chí lãnh đạo tỉnh, kính thưa các vị đại biểu, thưa toàn thể Hội nghị!',
        'Thực hiện chương trình công tác năm 2024, hôm nay UBND tỉnh tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và triển khai Nghị quyết của Chính phủ, Tỉnh ủy, HĐND tỉnh về phát triển kinh tế - xã hội năm 2024.',
        'Trân trọng giới thiệu các đồng chí lãnh đạo và các vị đại biểu dự Hội nghị.',
      ],
    },
    {
      id: 'phim-bao-cao',
      kind: 'film',
      title: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024',
      presenter: { name: 'Đài PT&TH tỉnh' },
      durationSec: 15 * 60,
      mediaDurationSec: 15 * 60,
      warningSec: 120,
      dangerSec: 30,
      script: ['Sau đây, mời Hội nghị theo dõi phim báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024.'],
      cues: [{ id: 'phim-phat', target: 'av', label: 'Phát phim báo cáo (khoảng 15 phút)', leadSec: 60, note: 'Đài PT&TH tỉnh chuẩn bị; phim đã duyệt ngày 12/01/2024' }],
    },
    {
      id: 'ke-hoach-2024',
      kind: 'report',
      title: 'Kế hoạch thực hiện Nghị quyết của Chính phủ, Tỉnh ủy, HĐND tỉnh về phát triển kinh tế - xã hội năm 2024',
      presenter: { name: 'Đ/c Lê Ô Pích', title: 'Phó Chủ tịch UBND tỉnh' },
      durationSec: 20 * 60,
      script: ['Trân trọng kính mời đồng chí Lê Ô Pích, Phó Chủ tịch UBND tỉnh trình bày Kế hoạch thực hiện Nghị quyết của Chính phủ, Tỉnh ủy, HĐND tỉnh về phát triển kinh tế - xã hội năm 2024.'],
    },
    {
      id: 'thao-luan',
      kind: 'discussion',
      title: 'Hội nghị thảo luận',
      presenter: { name: 'VP UBND tỉnh' },
      durationSec: 45 * 60,
      warningSec: 60,
      dangerSec: 30,
      script: ['Hội nghị chuyển sang phần thảo luận. Xin trân trọng giới thiệu các tham luận.'],
      segments: [1, 2, 3, 4, 5].map(contribution),
    },
    {
      id: 'phat-bieu-chi-dao',
      kind: 'speech',
      title: 'Phát biểu chỉ đạo',
      presenter: { name: 'Đ/c Bí thư Tỉnh ủy' },
      durationSec: 20 * 60,
      speakerView: 'timeOfDay',
      script: ['Trân trọng kính mời đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo Hội nghị.'],
    },
    {
      id: 'giai-lao',
      kind: 'break',
      title: 'Hội nghị giải lao',
      durationSec: 15 * 60,
      script: ['Hội nghị giải lao 15 phút. Đề nghị các đại biểu trở lại hội trường đúng giờ.'],
    },
    {
      id: 'khen-thuong',
      kind: 'awards',
      title: 'Công tác khen thưởng',
      presenter: { name: 'Giám đốc Sở Nội vụ' },
      durationSec: 35 * 60,
      script: ['Trân trọng kính mời đồng chí Giám đốc Sở Nội vụ công bố các quyết định khen thưởng.'],
      segments: [
        awardGroup('co-thi-dua-chinh-phu-2022', 'Đơn vị được tặng Cờ thi đua của Chính phủ năm 2022', 'Cờ thi đua của Chính phủ', 10),
        awardGroup('chu-tich-nuoc-thu-tuong-2023', 'Tập thể, cá nhân được Chủ tịch nước, Thủ tướng Chính phủ khen thưởng năm 2023', 'khen thưởng của Chủ tịch nước, Thủ tướng Chính phủ', 12),
        awardGroup('chu-tich-ubnd-tinh-2023', 'Khối thi đua doanh nghiệp III, Khối thi đua các hợp tác xã được Chủ tịch UBND tỉnh tặng Cờ thi đua, Bằng khen năm 2023', 'Cờ thi đua, Bằng khen của Chủ tịch UBND tỉnh', 12),
      ],
    },
    {
      id: 'phat-dong',
      kind: 'launch',
      title: 'Phát động phong trào thi đua yêu nước năm 2024',
      presenter: { name: 'Chủ tịch UBND tỉnh, Chủ tịch HĐTĐKT tỉnh' },
      durationSec: 10 * 60,
      script: ['Trân trọng kính mời đồng chí Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh phát động phong trào thi đua yêu nước năm 2024.'],
      cues: [{ id: 'phat-dong-nen', target: 'stage', label: 'Màn hình LED: phông phát động thi đua', leadSec: 15 }],
    },
    {
      id: 'ket-thuc',
      kind: 'closing',
      title: 'Kết thúc Hội nghị',
      presenter: { name: 'VP UBND tỉnh' },
      durationSec: 5 * 60,
      script: ['Chương trình Hội nghị đến đây là kết thúc. Xin trân trọng cảm ơn các đồng chí lãnh đạo, các vị đại biểu.'],
    },
  ],
};

/** A fresh, validated copy of the default programme. */
export const defaultProgramme = (): Programme => programmeSchema.parse(input);
